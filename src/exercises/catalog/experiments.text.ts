/** Text of the exercises for the paper's experiments in 2D (build time only). */
import type { Bilingual, ExerciseText } from '../types.ts';

const r = String.raw;

const decodeLine = r`x_t = \sqrt{\alpha_t}\,\frac{x_{t+1} - \sqrt{1-\alpha_{t+1}}\,\epsilon_\theta(x_{t+1})}{\sqrt{\alpha_{t+1}}} + \sqrt{1-\alpha_t}\,\epsilon_\theta(x_{t+1})`;
const solvedLine = r`x_{t+1} = \sqrt{\alpha_{t+1}}\,\frac{x_t - \sqrt{1-\alpha_t}\,\epsilon_\theta(x_{t+1})}{\sqrt{\alpha_t}} + \sqrt{1-\alpha_{t+1}}\,\epsilon_\theta(x_{t+1})`;
const lines = {
  en: {
    l1: r`(1) Decoding with $\eta = 0$, from $\alpha_{t+1}$ down to $\alpha_t$: $${decodeLine}$`,
    l2: r`(2) Solved for $x_{t+1}$: $${solvedLine}$`,
    l3: r`(3) $x_{t+1}$ is not known yet, so the encoder uses $\epsilon_\theta(x_t)$ instead; since $\epsilon_\theta(x_t) = \epsilon_\theta(x_{t+1})$, this is line (2) unchanged.`,
    l4: r`(4) Hence decoding the encoded latent returns $x_0$ exactly, for every number of steps $S$.`,
  },
  zh: {
    l1: r`（1）$\eta = 0$ 的解码步，从 $\alpha_{t+1}$ 走到 $\alpha_t$：$${decodeLine}$`,
    l2: r`（2）解出 $x_{t+1}$：$${solvedLine}$`,
    l3: r`（3）编码时还不知道 $x_{t+1}$，只好用 $\epsilon_\theta(x_t)$ 代替；而 $\epsilon_\theta(x_t) = \epsilon_\theta(x_{t+1})$，所以第（2）行原样成立。`,
    l4: r`（4）因此，把编码得到的隐变量再解码，无论步数 $S$ 取多少，都能精确还原 $x_0$。`,
  },
};

export const experimentsText: Record<string, Bilingual<ExerciseText>> = {
  'experiments/inversion-step': {
    en: {
      title: 'The DDIM inversion step',
      prompt: r`Decoding with $\eta = 0$ goes down in noise: $x_{t-1} = \sqrt{\alpha_{t-1}}\,\hat x_0 + \sqrt{1-\alpha_{t-1}}\,\epsilon$ with $\hat x_0 = (x_t - \sqrt{1-\alpha_t}\,\epsilon)/\sqrt{\alpha_t}$. DDIM inversion (the chapter's Table 2 experiment) runs the same update upwards: from $x_t$ and the model's noise $\epsilon = \epsilon_\theta(x_t)$ it moves to the noisier level $\alpha_{t+1} < \alpha_t$, keeping $\hat x_0$ and the noise direction $\epsilon$. Write $x_{t+1}$ in terms of $x_t$ ([[x_t]]), $\epsilon$ ([[eps]]), $\alpha_t$ ([[a_t]]) and $\alpha_{t+1}$ ([[a_next]]).`,
      parts: { up: { label: r`$x_{t+1} =$` } },
      hints: [r`First compute $\hat x_0$ from $x_t$, exactly as a decoding step would.`, r`Then place $\hat x_0$ at level $\alpha_{t+1}$ with the same $\epsilon$: only the $\alpha$'s of the update change.`],
      solution: r`Eq. 12 with $\sigma = 0$ and $\alpha_{t-1}$ replaced by $\alpha_{t+1}$: $x_{t+1} = \sqrt{\alpha_{t+1}}\,(x_t - \sqrt{1-\alpha_t}\,\epsilon)/\sqrt{\alpha_t} + \sqrt{1-\alpha_{t+1}}\,\epsilon$, in the answer syntax [[sqrt(a_next)*(x_t - sqrt(1-a_t)*eps)/sqrt(a_t) + sqrt(1-a_next)*eps]]. With $\epsilon$ held fixed it is the exact inverse of a decoding step: decoding $x_{t+1}$ with the same $\epsilon$ returns $x_t$,

$$\sqrt{\alpha_t}\,\frac{x_{t+1} - \sqrt{1-\alpha_{t+1}}\,\epsilon}{\sqrt{\alpha_{t+1}}} + \sqrt{1-\alpha_t}\,\epsilon = x_t$$ {check=decode-undoes-encode}

In practice the decoder evaluates $\epsilon_\theta$ at $x_{t+1}$, not at $x_t$. That mismatch is the only source of the reconstruction error in the Table 2 analogue; the exercise "Find the error: exact inversion" measures it for one step.`,
      feedback: {
        forwardKernel: r`That is the forward process's one-step kernel $q(x_{t+1} \mid x_t)$ with $\epsilon$ as its fresh noise: a random encoder. Inversion is deterministic: it keeps $\hat x_0$ and the same $\epsilon$, like eq. 12 with $\sigma = 0$.`,
        levelsSwapped: r`The levels are swapped: $\hat x_0$ comes from $x_t$, which lives at level $\alpha_t$, and is then placed at level $\alpha_{t+1}$.`,
        noDirection: r`That is $\sqrt{\alpha_{t+1}}\,\hat x_0$ alone: the direction term $\sqrt{1-\alpha_{t+1}}\,\epsilon$ is missing, so $x_{t+1}$ would carry no noise at all.`,
      },
    },
    zh: {
      title: 'DDIM 反演的一步',
      prompt: r`$\eta = 0$ 的解码是往噪声减小的方向走：$x_{t-1} = \sqrt{\alpha_{t-1}}\,\hat x_0 + \sqrt{1-\alpha_{t-1}}\,\epsilon$，其中 $\hat x_0 = (x_t - \sqrt{1-\alpha_t}\,\epsilon)/\sqrt{\alpha_t}$。DDIM 反演（本章表 2 的实验）把同一个更新式反过来往上走：由 $x_t$ 和模型预测的噪声 $\epsilon = \epsilon_\theta(x_t)$，走到噪声更大的一层 $\alpha_{t+1} < \alpha_t$，$\hat x_0$ 和噪声方向 $\epsilon$ 都保持不变。用 $x_t$（[[x_t]]）、$\epsilon$（[[eps]]）、$\alpha_t$（[[a_t]]）和 $\alpha_{t+1}$（[[a_next]]）写出 $x_{t+1}$。`,
      parts: { up: { label: r`$x_{t+1} =$` } },
      hints: [r`先像解码那样由 $x_t$ 算出 $\hat x_0$。`, r`再用同一个 $\epsilon$ 把 $\hat x_0$ 放到 $\alpha_{t+1}$ 这一层：更新式里变的只有 $\alpha$。`],
      solution: r`就是式（12）取 $\sigma = 0$，并把 $\alpha_{t-1}$ 换成 $\alpha_{t+1}$：$x_{t+1} = \sqrt{\alpha_{t+1}}\,(x_t - \sqrt{1-\alpha_t}\,\epsilon)/\sqrt{\alpha_t} + \sqrt{1-\alpha_{t+1}}\,\epsilon$，按答题格式写作 [[sqrt(a_next)*(x_t - sqrt(1-a_t)*eps)/sqrt(a_t) + sqrt(1-a_next)*eps]]。只要 $\epsilon$ 不变，它就是解码一步的精确逆：用同一个 $\epsilon$ 解码 $x_{t+1}$，正好回到 $x_t$，

$$\sqrt{\alpha_t}\,\frac{x_{t+1} - \sqrt{1-\alpha_{t+1}}\,\epsilon}{\sqrt{\alpha_{t+1}}} + \sqrt{1-\alpha_t}\,\epsilon = x_t$$ {check=decode-undoes-encode}

实际解码时，$\epsilon_\theta$ 是在 $x_{t+1}$ 处而不是在 $x_t$ 处计算的。表 2 二维版里的重建误差，全部来自这一处错位；“找错：反演是精确的吗”一题会算出它在一步里有多大。`,
      feedback: {
        forwardKernel: r`这是前向过程的单步转移 $q(x_{t+1} \mid x_t)$，把 $\epsilon$ 当成了新采的噪声，得到的是一个随机编码器。反演是确定性的：和 $\sigma = 0$ 的式（12）一样，它保持 $\hat x_0$ 和同一个 $\epsilon$ 不变。`,
        levelsSwapped: r`两层的位置弄反了：$\hat x_0$ 要由位于 $\alpha_t$ 层的 $x_t$ 算出，再放到 $\alpha_{t+1}$ 层。`,
        noDirection: r`这只是 $\sqrt{\alpha_{t+1}}\,\hat x_0$：少了方向项 $\sqrt{1-\alpha_{t+1}}\,\epsilon$，这样 $x_{t+1}$ 里就完全没有噪声了。`,
      },
    },
  },
  'experiments/lerp-variance': {
    en: {
      title: 'Why not interpolate latents along a straight line?',
      prompt: r`Let $x$ and $y$ be two independent draws of $x_T \sim \mathcal N(0, I)$ in $d$ dimensions, and $\lambda = {{lambda}}$. Compute (a) the variance of one coordinate of the straight-line interpolant $(1-\lambda)x + \lambda y$; (b) for CIFAR-10 ($d = {{d}}$, where $\lVert x_T \rVert \approx \sqrt d \approx {{rootD}}$) the typical length of that interpolant; (c) the variance of one coordinate of $\operatorname{slerp}(x, y; \lambda)$ when $x$ and $y$ are at a right angle, as two independent high-dimensional Gaussian vectors nearly always are.`,
      parts: {
        linear: { label: r`(a) $\operatorname{Var}\bigl[(1-\lambda)x_i + \lambda y_i\bigr] =$` },
        norm: { label: r`(b) $\lVert (1-\lambda)x + \lambda y \rVert \approx$` },
        slerp: { label: r`(c) at $\theta = 90^\circ$, $\operatorname{Var}\bigl[\operatorname{slerp}(x, y; \lambda)_i\bigr] =$` },
      },
      hints: [
        r`For independent $X$ and $Y$: $\operatorname{Var}(aX + bY) = a^2 \operatorname{Var}X + b^2 \operatorname{Var}Y$.`,
        r`A vector of $d$ independent coordinates of variance $v$ has length about $\sqrt{d\,v}$.`,
        r`At $\theta = 90^\circ$, $\sin\theta = 1$: slerp's weights are $\cos(\lambda\pi/2)$ and $\sin(\lambda\pi/2)$.`,
      ],
      solution: r`(a) $ {{linear}}$. The weights add up to 1, but variances add their squares:

$$\operatorname{Var}\bigl[(1-\lambda)x_i + \lambda y_i\bigr] = (1-\lambda)^2 + \lambda^2 = 1 - 2\lambda(1-\lambda)$$ {check=lerp-variance}

which is below 1 for every $0 < \lambda < 1$, and only $\tfrac12$ at the midpoint. (b) So the interpolant's length is about $\sqrt{d \cdot {{linear}}} = {{norm}}$, while a draw of $\mathcal N(0, I)$ in $d = {{d}}$ dimensions has length $ {{rootD}}$ give or take about $0.7$: the interpolant lies well inside the thin shell where nearly every draw of $x_T$ lies, so the sampler starts from a latent it never meets in practice. (c) 1, for every $\lambda$: at a right angle the weights are the cosine and sine of $\lambda\pi/2$,

$$\cos^2\!\bigl(\tfrac{\lambda\pi}{2}\bigr) + \sin^2\!\bigl(\tfrac{\lambda\pi}{2}\bigr) = 1$$ {check=slerp-right-angle}

so every point of the path is again a typical draw of $\mathcal N(0, I)$. That is why the paper interpolates with slerp (§5.3). In the chapter's 2D lab neither premise holds: 2D latents have quite different lengths and any angle between them.`,
      feedback: {
        weightsSum: r`The weights $1-\lambda$ and $\lambda$ add up to 1, but the variance of a weighted sum of independent variables adds the squared weights.`,
        fullNorm: r`That is the length of $x_T$ itself. The interpolant is shorter: its coordinates have variance below 1.`,
        linear: r`That is the straight line's variance. Slerp's weights are larger: at $90^\circ$ they are $\cos(\lambda\pi/2)$ and $\sin(\lambda\pi/2)$.`,
      },
    },
    zh: {
      title: '为什么不沿直线插值隐变量？',
      prompt: r`设 $x$、$y$ 是 $d$ 维 $x_T \sim \mathcal N(0, I)$ 的两个独立样本，$\lambda = {{lambda}}$。求：（a）直线插值 $(1-\lambda)x + \lambda y$ 每个坐标的方差；（b）对 CIFAR-10（$d = {{d}}$，此时 $\lVert x_T \rVert \approx \sqrt d \approx {{rootD}}$），这个插值点的典型长度；（c）当 $x$ 与 $y$ 相互垂直时，$\operatorname{slerp}(x, y; \lambda)$ 每个坐标的方差。两个独立的高维高斯向量几乎总是接近垂直的。`,
      parts: {
        linear: { label: r`（a）$\operatorname{Var}\bigl[(1-\lambda)x_i + \lambda y_i\bigr] =$` },
        norm: { label: r`（b）$\lVert (1-\lambda)x + \lambda y \rVert \approx$` },
        slerp: { label: r`（c）$\theta = 90^\circ$ 时，$\operatorname{Var}\bigl[\operatorname{slerp}(x, y; \lambda)_i\bigr] =$` },
      },
      hints: [
        r`$X$、$Y$ 独立时，$\operatorname{Var}(aX + bY) = a^2 \operatorname{Var}X + b^2 \operatorname{Var}Y$。`,
        r`$d$ 个相互独立、方差为 $v$ 的坐标组成的向量，长度约为 $\sqrt{d\,v}$。`,
        r`$\theta = 90^\circ$ 时 $\sin\theta = 1$，slerp 的两个权重分别是 $\cos(\lambda\pi/2)$ 和 $\sin(\lambda\pi/2)$。`,
      ],
      solution: r`（a）$ {{linear}}$。两个权重之和是 1，但方差相加的是权重的平方：

$$\operatorname{Var}\bigl[(1-\lambda)x_i + \lambda y_i\bigr] = (1-\lambda)^2 + \lambda^2 = 1 - 2\lambda(1-\lambda)$$ {check=lerp-variance}

只要 $0 < \lambda < 1$，它就小于 1，在中点处只有 $\tfrac12$。（b）于是插值点的长度约为 $\sqrt{d \cdot {{linear}}} = {{norm}}$，而 $d = {{d}}$ 维 $\mathcal N(0, I)$ 样本的长度是 $ {{rootD}}$，上下浮动只有 $0.7$ 左右：直线插值点远远落在 $x_T$ 几乎全部所在的那层薄球壳之内，采样器实际上从来不会从这样的隐变量出发。（c）对任意 $\lambda$ 都是 1：两向量垂直时，权重就是 $\lambda\pi/2$ 的余弦和正弦，

$$\cos^2\!\bigl(\tfrac{\lambda\pi}{2}\bigr) + \sin^2\!\bigl(\tfrac{\lambda\pi}{2}\bigr) = 1$$ {check=slerp-right-angle}

所以路径上的每一点仍是 $\mathcal N(0, I)$ 的典型样本。这正是论文用 slerp 做插值的原因（§5.3）。在本章的二维实验里，这两个前提都不成立：二维隐变量的长度相差很大，夹角也可以是任意的。`,
      feedback: {
        weightsSum: r`权重 $1-\lambda$ 与 $\lambda$ 之和是 1，但独立变量加权和的方差，加的是权重的平方。`,
        fullNorm: r`这是 $x_T$ 本身的长度。插值点要短一些：它每个坐标的方差都小于 1。`,
        linear: r`这是直线插值的方差。slerp 的权重更大：$90^\circ$ 时分别是 $\cos(\lambda\pi/2)$ 和 $\sin(\lambda\pi/2)$。`,
      },
    },
  },
  'experiments/slerp-weights': {
    en: {
      title: 'Slerp’s weights for a given angle',
      prompt: r`$\operatorname{slerp}(x, y; \lambda) = w_x\,x + w_y\,y$ with $w_x = \sin((1-\lambda)\theta)/\sin\theta$ and $w_y = \sin(\lambda\theta)/\sin\theta$, where $\theta$ is the angle between $x$ and $y$. Take $\theta = {{theta}}$° and $\lambda = {{lambda}}$, and compute both weights.`,
      parts: { wx: { label: r`$w_x =$` }, wy: { label: r`$w_y =$` } },
      hints: [
        r`Work in radians ($\theta = {{theta}} \cdot \pi/180$), or set the calculator to degrees.`,
        r`Compare with the straight line's weights $1-\lambda = {{oneMinus}}$ and $\lambda = {{lambda}}$: slerp's add up to more than 1 whenever $0 < \theta < 180^\circ$.`,
      ],
      solution: r`$w_x = {{wx}}$ and $w_y = {{wy}}$. Their sum is more than 1 because the path follows the arc, not the chord. For two latents of equal length it moves along the arc at a constant angular speed: $\operatorname{slerp}(x, y; \lambda)$ makes the angle $\lambda\theta$ with $x$, checked here with src/core's slerp on random vectors,

$$\angle\bigl(x, \operatorname{slerp}(x, y; \lambda)\bigr) = \lambda\,\theta\qquad(\lVert x \rVert = \lVert y \rVert)$$ {check=constant-angular-speed}

so equal steps in $\lambda$ are equal steps along the arc.`,
      feedback: {
        linearX: r`That is the straight line's weight $1-\lambda$. Slerp's is a ratio of sines: $w_x = \sin((1-\lambda)\theta)/\sin\theta$.`,
        swappedX: r`That is $w_y$. The weight of $x$ uses $(1-\lambda)\theta$, so that $\lambda = 0$ returns $x$.`,
        linearY: r`That is the straight line's weight $\lambda$. Slerp's is $\sin(\lambda\theta)/\sin\theta$.`,
        swappedY: r`That is $w_x$. The weight of $y$ uses $\lambda\theta$, so that $\lambda = 1$ returns $y$.`,
      },
    },
    zh: {
      title: '给定夹角求 slerp 的权重',
      prompt: r`$\operatorname{slerp}(x, y; \lambda) = w_x\,x + w_y\,y$，其中 $w_x = \sin((1-\lambda)\theta)/\sin\theta$，$w_y = \sin(\lambda\theta)/\sin\theta$，$\theta$ 是 $x$ 与 $y$ 的夹角。取 $\theta = {{theta}}$°、$\lambda = {{lambda}}$，求这两个权重。`,
      parts: { wx: { label: r`$w_x =$` }, wy: { label: r`$w_y =$` } },
      hints: [
        r`用弧度计算（$\theta = {{theta}} \cdot \pi/180$），或者把计算器切换到角度制。`,
        r`和直线插值的权重 $1-\lambda = {{oneMinus}}$、$\lambda = {{lambda}}$ 比一比：只要 $0 < \theta < 180^\circ$，slerp 的两个权重之和就大于 1。`,
      ],
      solution: r`$w_x = {{wx}}$，$w_y = {{wy}}$。两者之和大于 1，因为这条路径走的是圆弧而不是弦。两个隐变量长度相等时，插值点沿圆弧匀速转动：$\operatorname{slerp}(x, y; \lambda)$ 与 $x$ 的夹角正好是 $\lambda\theta$。下式用 src/core 里的 slerp 在随机向量上做了验证：

$$\angle\bigl(x, \operatorname{slerp}(x, y; \lambda)\bigr) = \lambda\,\theta\qquad(\lVert x \rVert = \lVert y \rVert)$$ {check=constant-angular-speed}

所以 $\lambda$ 每走相同的一步，插值点就在圆弧上转过相同的角度。`,
      feedback: {
        linearX: r`这是直线插值的权重 $1-\lambda$。slerp 的权重是正弦之比：$w_x = \sin((1-\lambda)\theta)/\sin\theta$。`,
        swappedX: r`这是 $w_y$。$x$ 的权重里用的是 $(1-\lambda)\theta$，这样 $\lambda = 0$ 时才会得到 $x$。`,
        linearY: r`这是直线插值的权重 $\lambda$。slerp 的权重是 $\sin(\lambda\theta)/\sin\theta$。`,
        swappedY: r`这是 $w_x$。$y$ 的权重里用的是 $\lambda\theta$，这样 $\lambda = 1$ 时才会得到 $y$。`,
      },
    },
  },
  'experiments/table1-predict': {
    en: {
      title: 'Table 1 in 2D: which row breaks at S = 10?',
      prompt: r`Sample the two-bump data with the exact $\epsilon^*$ and $S = 10$ steps, from the same $x_T$, with three amounts of noise: $\eta = 0$, $\eta = 1$, and $\hat\sigma$ (DDPM's larger variance $\hat\sigma_t^2 = 1 - \alpha_t/\alpha_{t-1}$, the last row of the paper's Table 1). Score each run by the mean log-likelihood of its samples under the known data density. Which run scores far below the others?`,
      parts: {
        prediction: {
          label: 'Prediction:',
          options: { eta0: r`$\eta = 0$ (no noise)`, eta1: r`$\eta = 1$ (DDPM's posterior variance)`, sigmaHat: r`$\hat\sigma$ (DDPM's larger variance)`, same: 'none: all three score about the same' },
        },
      },
      hints: [r`$\hat\sigma_t^2$ is larger than $\sigma_t(1)^2$. With 10 steps, how much noise does the second-to-last step add, and which later step could remove it?`],
      solution: r`$\hat\sigma$. At every step it adds more variance than $\eta = 1$ does, by

$$\hat\sigma_t^2 - \sigma_t(1)^2 = \frac{\alpha_{t-1}}{1-\alpha_t}\Bigl(1-\frac{\alpha_t}{\alpha_{t-1}}\Bigr)^2$$ {check=sigma-hat-excess}

(with $\alpha_{t-1}$ the next level along the $S$-step schedule, the paper's $\alpha_{\tau_{i-1}}$). With 1000 steps each gap $1 - \alpha_t/\alpha_{t-1}$ is tiny, its square negligible, and the rows meet. With 10 steps the gaps are large, the excess is large too, and the noise added near the end is never removed: the samples are blurred off the two bumps and their log-likelihood falls far below that of $\eta = 0$ and $\eta = 1$. On CIFAR-10 the same row has FID 367 at $S = 10$.`,
      lab: {
        intro: r`Three runs of the lab's reference sampler (the scheduler port in float64 with the exact $\epsilon^*$ of the two-bump data), 300 samples each, from the same $x_T$ and with the same noise. Higher is better, but a sampler that piles its samples onto the centres of the bumps can score above the data itself.`,
        result: r`$S = {{r.S}}$, mean log-likelihood: $\eta = 0$: $ {{r.eta0}}$; $\eta = 1$: $ {{r.eta1}}$; $\hat\sigma$: $ {{r.hat}}$; a fresh sample of the data itself: $ {{r.data}}$.`,
      },
      feedback: {
        eta0: r`$\eta = 0$ adds no noise at all; at few steps it is the best of the three.`,
        eta1: r`$\eta = 1$ does lose some likelihood at $S = 10$, but run it: one row is far worse.`,
        same: r`At $S = 1000$ they nearly are; at $S = 10$ one row is far behind.`,
      },
    },
    zh: {
      title: '二维版表 1：S = 10 时哪一行会崩？',
      prompt: r`用精确 $\epsilon^*$ 对双峰数据采样，$S = 10$ 步，从同一个 $x_T$ 出发，噪声取三种：$\eta = 0$、$\eta = 1$，以及 $\hat\sigma$（DDPM 的较大方差 $\hat\sigma_t^2 = 1 - \alpha_t/\alpha_{t-1}$，即论文表 1 的最后一行）。每次运行都用样本在已知数据密度下的平均对数似然来打分。哪一次的得分远低于另外两次？`,
      parts: {
        prediction: {
          label: '你的预测：',
          options: { eta0: r`$\eta = 0$（不加噪声）`, eta1: r`$\eta = 1$（DDPM 的后验方差）`, sigmaHat: r`$\hat\sigma$（DDPM 的较大方差）`, same: '都差不多' },
        },
      },
      hints: [r`$\hat\sigma_t^2$ 比 $\sigma_t(1)^2$ 大。只有 10 步时，倒数第二步会加进多少噪声？之后还有哪一步能把它去掉？`],
      solution: r`$\hat\sigma$。它每一步加进的方差都比 $\eta = 1$ 多出

$$\hat\sigma_t^2 - \sigma_t(1)^2 = \frac{\alpha_{t-1}}{1-\alpha_t}\Bigl(1-\frac{\alpha_t}{\alpha_{t-1}}\Bigr)^2$$ {check=sigma-hat-excess}

（这里 $\alpha_{t-1}$ 指 $S$ 步时间表上的下一层，即论文的 $\alpha_{\tau_{i-1}}$）。走 1000 步时，每一步的间隔 $1 - \alpha_t/\alpha_{t-1}$ 都很小，它的平方可以忽略，各行趋于一致。只走 10 步时间隔很大，多出的方差也很大，而且临近结束时加进的噪声再也去不掉：样本被模糊到两个峰之外，对数似然远低于 $\eta = 0$ 和 $\eta = 1$。在 CIFAR-10 上，这一行在 $S = 10$ 时的 FID 高达 367。`,
      lab: {
        intro: r`用实验室的参考采样器（调度器移植版，float64，双峰数据的精确 $\epsilon^*$）运行三次，每次 300 个样本，$x_T$ 和噪声都相同。分数越高越好；不过，如果采样器把样本都堆到峰的中心，得分甚至会超过数据本身。`,
        result: r`$S = {{r.S}}$，平均对数似然：$\eta = 0$：$ {{r.eta0}}$；$\eta = 1$：$ {{r.eta1}}$；$\hat\sigma$：$ {{r.hat}}$；数据本身的一组新样本：$ {{r.data}}$。`,
      },
      feedback: {
        eta0: r`$\eta = 0$ 完全不加噪声，步数少时它是三者中最好的。`,
        eta1: r`$S = 10$ 时 $\eta = 1$ 的对数似然确实低一些，但运行一下就会看到，有一行要差得多。`,
        same: r`$S = 1000$ 时确实差不多；$S = 10$ 时有一行远远落后。`,
      },
    },
  },
  'experiments/consistency-eta-predict': {
    en: {
      title: 'Consistency needs η = 0',
      prompt: r`With $\eta = 0$ the same $x_T$ decodes to nearly the same point for every $S$ (the chapter's consistency widget). Now take $\eta = 1$: decode the same 300 starting points $x_T$ once with $S = 10$ and once with $S = 100$ (each run draws its own fresh noise $z$ at every step), and compare with a run from different $x_T$. The two runs from the same $x_T$ are…`,
      parts: {
        prediction: { label: 'Prediction:', options: { close: 'still close: each x_T keeps its sample', unrelated: 'about as far apart as runs from different x_T' } },
      },
      hints: [r`At $\eta = 1$, how much of the noise in $x_{t-1}$ comes from $x_t$, and how much is freshly drawn? Different $S$ means different fresh noise.`],
      solution: r`About as far apart as unrelated samples. Of the noise variance $1-\alpha_{t-1}$ that $x_{t-1}$ carries, the direction term (the $\epsilon$ predicted from $x_t$) supplies at $\eta = 1$ only the share

$$\frac{1-\alpha_{t-1}-\sigma_t(1)^2}{1-\alpha_{t-1}} = \frac{\alpha_t\,(1-\alpha_{t-1})}{\alpha_{t-1}\,(1-\alpha_t)}$$ {check=eta1-kept-share}

and the rest, $\sigma_t(1)^2$, is fresh noise. Along the chain these shares multiply and telescope to $\alpha_T(1-\alpha_0)/\bigl(\alpha_0(1-\alpha_T)\bigr) = 0$, since $\alpha_0 = 1$: what $x_T$ put in is replaced step by step by fresh noise, so with different fresh noise the two runs land on unrelated points. Only $\eta = 0$ makes $x_0$ a function of $x_T$, and consistency, interpolation and inversion all rely on that. Try $\eta = 0.2$ and $0.5$ to see it fade.`,
      lab: {
        intro: r`The lab's reference sampler with the exact $\epsilon^*$ of the two-bump data, in float64; the fresh noise of each run has its own seed.`,
        result: r`$\eta = {{r.eta}}$: same $x_T$, $S = 10$ vs $S = 100$: mean distance $ {{r.same}}$; different $x_T$: $ {{r.different}}$.`,
      },
      feedback: { close: r`That holds at $\eta = 0$. Run it at $\eta = 1$: the fresh noise decides where each sample lands.` },
    },
    zh: {
      title: '一致性要求 η = 0',
      prompt: r`$\eta = 0$ 时，同一个 $x_T$ 不管 $S$ 取多少，解码结果都差不多（见本章的一致性组件）。现在取 $\eta = 1$：从同样的 300 个起点 $x_T$ 出发，分别用 $S = 10$ 和 $S = 100$ 解码（每次运行在每一步都新采自己的噪声 $z$），再与从另一组 $x_T$ 出发的结果比较。从同一个 $x_T$ 出发的两次结果……`,
      parts: {
        prediction: { label: '你的预测：', options: { close: '仍然很接近：每个 x_T 还落在自己的样本上', unrelated: '和从不同 x_T 出发的两次结果差不多远' } },
      },
      hints: [r`$\eta = 1$ 时，$x_{t-1}$ 里的噪声有多少来自 $x_t$，又有多少是新采的？$S$ 不同，新采的噪声也就不同。`],
      solution: r`和毫不相干的两组样本差不多远。$x_{t-1}$ 需要带有方差为 $1-\alpha_{t-1}$ 的噪声；$\eta = 1$ 时，方向项（由 $x_t$ 预测的 $\epsilon$）只提供其中的

$$\frac{1-\alpha_{t-1}-\sigma_t(1)^2}{1-\alpha_{t-1}} = \frac{\alpha_t\,(1-\alpha_{t-1})}{\alpha_{t-1}\,(1-\alpha_t)}$$ {check=eta1-kept-share}

其余的 $\sigma_t(1)^2$ 都是新采的噪声。沿着整条链把这些比例乘起来，会逐项相消，只剩 $\alpha_T(1-\alpha_0)/\bigl(\alpha_0(1-\alpha_T)\bigr)$，而 $\alpha_0 = 1$，所以结果是 0：$x_T$ 带进来的东西一步步被新噪声替换掉了。新噪声不同，两次运行就落到毫不相干的位置。只有 $\eta = 0$ 才让 $x_0$ 成为 $x_T$ 的函数，而一致性、插值和反演都依赖这一点。试试 $\eta = 0.2$ 和 $0.5$，看一致性怎样逐渐消失。`,
      lab: {
        intro: r`运行的是实验室的参考采样器，去噪器为双峰数据的精确 $\epsilon^*$，以 float64 计算；每次运行的新噪声各用一个随机种子。`,
        result: r`$\eta = {{r.eta}}$：同一 $x_T$，$S = 10$ 与 $S = 100$ 的平均距离 $ {{r.same}}$；不同的 $x_T$：$ {{r.different}}$。`,
      },
      feedback: { close: r`这在 $\eta = 0$ 时成立。取 $\eta = 1$ 运行一下：每个样本落在哪里，由新采的噪声决定。` },
    },
  },
  'experiments/inversion-find-error': {
    en: {
      title: 'Find the error: exact inversion',
      prompt: r`The derivation below "proves" that DDIM inversion reconstructs the data exactly. Here $\alpha_{t+1} < \alpha_t$: the encoder moves from $x_t$ up to the noisier $x_{t+1}$. One line is wrong.`,
      parts: {
        line: { label: 'Which line is wrong?', options: lines.en },
        miss: {
          label: r`Take $\alpha_t = {{aT}}$, $\alpha_{t+1} = {{aNext}}$, $\epsilon_\theta(x_t) = {{eLow}}$ and $\epsilon_\theta(x_{t+1}) = {{eUp}}$. By how much does the encoder's $x_{t+1}$ (line (2) with $\epsilon_\theta(x_t)$) differ from the exact one (with $\epsilon_\theta(x_{t+1})$)? Give encoder minus exact:`,
        },
      },
      hints: [r`$\epsilon_\theta$ is evaluated at two different points, at two different noise levels.`, r`In line (2), $x_{t+1}$ is affine in the $\epsilon$ it uses: find the coefficient of $\epsilon$ and multiply it by the difference of the two predictions.`],
      solution: r`Line (3): $\epsilon_\theta(x_t)$ and $\epsilon_\theta(x_{t+1})$ are predictions at two different points and noise levels, and they agree only in the limit of small steps. Line (2) itself is right, and $x_{t+1}$ is affine in the $\epsilon$ used:

$$x_{t+1} = \sqrt{\tfrac{\alpha_{t+1}}{\alpha_t}}\,x_t + \Bigl(\sqrt{1-\alpha_{t+1}} - \sqrt{\tfrac{\alpha_{t+1}(1-\alpha_t)}{\alpha_t}}\Bigr)\,\epsilon$$ {check=encoder-affine}

so the wrong $\epsilon$ moves $x_{t+1}$ by that coefficient times $\epsilon_\theta(x_t) - \epsilon_\theta(x_{t+1})$: here $ {{miss}}$. Both factors shrink with the step, so the error summed over $S$ steps vanishes as $S$ grows (the chapter's Table 2 analogue), but line (4) is false for every finite $S$.`,
      feedback: {
        l1: r`Line (1) is eq. 12 with $\sigma = 0$, from level $\alpha_{t+1}$ down to $\alpha_t$; it is right.`,
        l2: r`Line (2) is line (1) solved for $x_{t+1}$, exactly: substitute it back to check.`,
        l4: r`Line (4) is false, but it does follow from line (3): the error enters earlier.`,
        rawDifference: r`That is $\epsilon_\theta(x_t) - \epsilon_\theta(x_{t+1})$ itself. $x_{t+1}$ moves by the coefficient of $\epsilon$ in line (2) times this difference.`,
        directionOnly: r`$\epsilon$ also enters through $\hat x_0$: its coefficient is $\sqrt{1-\alpha_{t+1}} - \sqrt{\alpha_{t+1}(1-\alpha_t)/\alpha_t}$, not just $\sqrt{1-\alpha_{t+1}}$.`,
      },
    },
    zh: {
      title: '找错：反演是精确的吗',
      prompt: r`下面的推导“证明”了 DDIM 反演能精确还原数据。这里 $\alpha_{t+1} < \alpha_t$：编码器从 $x_t$ 往上走到噪声更大的 $x_{t+1}$。其中有一行是错的。`,
      parts: {
        line: { label: '哪一行错了？', options: lines.zh },
        miss: {
          label: r`取 $\alpha_t = {{aT}}$、$\alpha_{t+1} = {{aNext}}$、$\epsilon_\theta(x_t) = {{eLow}}$、$\epsilon_\theta(x_{t+1}) = {{eUp}}$。编码器得到的 $x_{t+1}$（第（2）行代入 $\epsilon_\theta(x_t)$）比精确值（代入 $\epsilon_\theta(x_{t+1})$）差多少？请给出“编码器减精确值”：`,
        },
      },
      hints: [r`$\epsilon_\theta$ 是在两个不同的点、两个不同的噪声水平上计算的。`, r`第（2）行里，$x_{t+1}$ 是所用 $\epsilon$ 的仿射函数：求出 $\epsilon$ 的系数，再乘以两个预测之差。`],
      solution: r`第（3）行：$\epsilon_\theta(x_t)$ 和 $\epsilon_\theta(x_{t+1})$ 是在不同的点、不同的噪声水平上的预测，只有在步长趋于零的极限下才相等。第（2）行本身没有问题，而且 $x_{t+1}$ 是所用 $\epsilon$ 的仿射函数：

$$x_{t+1} = \sqrt{\tfrac{\alpha_{t+1}}{\alpha_t}}\,x_t + \Bigl(\sqrt{1-\alpha_{t+1}} - \sqrt{\tfrac{\alpha_{t+1}(1-\alpha_t)}{\alpha_t}}\Bigr)\,\epsilon$$ {check=encoder-affine}

所以用错了 $\epsilon$，$x_{t+1}$ 就偏移这个系数乘以 $\epsilon_\theta(x_t) - \epsilon_\theta(x_{t+1})$，这里是 $ {{miss}}$。两个因子都随步长变小，所以 $S$ 步累积起来的误差会随 $S$ 增大而趋于零（即本章的表 2 二维版），但对任何有限的 $S$，第（4）行都不成立。`,
      feedback: {
        l1: r`第（1）行就是 $\sigma = 0$ 的式（12），从 $\alpha_{t+1}$ 层走到 $\alpha_t$ 层，没有问题。`,
        l2: r`第（2）行是由第（1）行精确解出的 $x_{t+1}$，代回去就能验证。`,
        l4: r`第（4）行确实不对，但它是由第（3）行推出来的：错误出现得更早。`,
        rawDifference: r`这只是 $\epsilon_\theta(x_t) - \epsilon_\theta(x_{t+1})$ 本身。$x_{t+1}$ 的偏移等于第（2）行里 $\epsilon$ 的系数乘以这个差。`,
        directionOnly: r`$\epsilon$ 还会通过 $\hat x_0$ 进入：它的系数是 $\sqrt{1-\alpha_{t+1}} - \sqrt{\alpha_{t+1}(1-\alpha_t)/\alpha_t}$，而不只是 $\sqrt{1-\alpha_{t+1}}$。`,
      },
    },
  },
  'experiments/reconstruction-numerically': {
    en: {
      title: 'Show numerically: the Table 2 analogue',
      prompt: r`Encode 200 points of the two-bump data with DDIM inversion (the $\eta = 0$ step run upwards, with $\epsilon^*$ evaluated at the current point), decode them with $S$ ordinary $\eta = 0$ steps, and measure the mean squared error per coordinate, as the paper's Table 2 does. Run it for $S = 10$, $20$, $50$, $100$ and $1000$. As a control, the run also undoes each encoding step with that step's own $\epsilon$.`,
      parts: {
        trend: { label: 'As S grows, the reconstruction error…', options: { falls: 'falls towards 0', flat: 'stays about the same', grows: 'grows' } },
        source: {
          label: 'The denoiser is the exact ε* and no noise is added. Where does the remaining error come from?',
          options: { model: 'the denoiser’s error', noise: 'random noise added along the way', discretisation: 'discretisation: encoding evaluates ε at one end of each step, decoding at the other' },
        },
      },
      hints: [r`Look at the control: how large is the error when a step is undone with the same $\epsilon$?`, r`With the exact $\epsilon^*$ there is no model error; with $\eta = 0$, no noise.`],
      solution: r`It falls, and all of it is discretisation error. The $\eta = 0$ step is an Euler step of an ODE in $x/\sqrt{\alpha}$ (eq. 14):

$$\frac{x_{t-1}}{\sqrt{\alpha_{t-1}}} = \frac{x_t}{\sqrt{\alpha_t}} + \Bigl(\sqrt{\tfrac{1-\alpha_{t-1}}{\alpha_{t-1}}} - \sqrt{\tfrac{1-\alpha_t}{\alpha_t}}\Bigr)\,\epsilon$$ {check=ode-euler-step}

Encoding and decoding discretise the same ODE in opposite directions. A step with a fixed $\epsilon$ is undone exactly (the control shows rounding only, around $10^{-16}$); the error comes from the encoder evaluating $\epsilon^*$ at the start of its step and the decoder at the other end. Smaller steps make the two agree better, so the error falls as $S$ grows, as in the paper's Table 2 (whose numbers are for CIFAR-10 images: only the trend compares).`,
      lab: {
        intro: r`Encoding uses the scheduler's exact inverse step (DDIMScheduler.invertStep) with $\epsilon^*$ at the current point; decoding uses the reference sampler; both in float64. Where the paper's Table 2 has this $S$, its CIFAR-10 value is shown beside it.`,
        result: r`$S = {{r.S}}$: mean squared error per coordinate $ {{r.mse}}$ (paper, CIFAR-10: {{r.paper}}); each step undone with its own $\epsilon$: largest difference $ {{r.roundTrip}}$.`,
      },
      feedback: {
        flat: r`Run it for $S = 10$ and $S = 1000$: the error falls by about three orders of magnitude.`,
        grows: r`Run it for $S = 10$ and $S = 1000$: the error falls by about three orders of magnitude.`,
        model: r`The denoiser here is the exact $\epsilon^*$ of the data: there is no model error to speak of.`,
        noise: r`With $\eta = 0$ nothing random is added: encoding and decoding are both deterministic.`,
      },
    },
    zh: {
      title: '数值验证：表 2 的二维版',
      prompt: r`用 DDIM 反演（$\eta = 0$ 的更新往上走，$\epsilon^*$ 在当前点计算）把双峰数据的 200 个点编码，再用 $S$ 步普通的 $\eta = 0$ 更新解码，像论文表 2 那样计算每个坐标的均方误差。分别取 $S = 10$、$20$、$50$、$100$ 和 $1000$ 运行。作为对照，程序还会用每一步自己的 $\epsilon$ 撤销这一步编码。`,
      parts: {
        trend: { label: 'S 增大时，重建误差……', options: { falls: '减小并趋于 0', flat: '大致不变', grows: '增大' } },
        source: {
          label: '去噪器是精确的 ε*，也没有加噪声。剩下的误差从哪里来？',
          options: { model: '去噪器的误差', noise: '过程中加入的随机噪声', discretisation: '离散化：编码在每一步的一端计算 ε，解码则在另一端' },
        },
      },
      hints: [r`看对照项：用同一个 $\epsilon$ 撤销一步，误差有多大？`, r`用精确 $\epsilon^*$ 就没有模型误差；$\eta = 0$ 就没有噪声。`],
      solution: r`误差减小，而且全部是离散化误差。$\eta = 0$ 的一步是关于 $x/\sqrt{\alpha}$ 的一个 ODE 的欧拉步（式（14））：

$$\frac{x_{t-1}}{\sqrt{\alpha_{t-1}}} = \frac{x_t}{\sqrt{\alpha_t}} + \Bigl(\sqrt{\tfrac{1-\alpha_{t-1}}{\alpha_{t-1}}} - \sqrt{\tfrac{1-\alpha_t}{\alpha_t}}\Bigr)\,\epsilon$$ {check=ode-euler-step}

编码和解码沿相反方向离散同一个 ODE。$\epsilon$ 固定时，一步可以被精确撤销（对照项只有舍入误差，约 $10^{-16}$）；误差来自编码器在每一步的起点计算 $\epsilon^*$，而解码器在另一端计算。步长越小，两者越接近，所以 $S$ 越大误差越小，和论文的表 2 一致（论文的数字是 CIFAR-10 图像上的，能比的只是趋势）。`,
      lab: {
        intro: r`编码用调度器的精确逆步（DDIMScheduler.invertStep），$\epsilon^*$ 在当前点计算；解码用参考采样器；两者都以 float64 计算。若论文表 2 里有这个 $S$，就在旁边列出它在 CIFAR-10 上的数值。`,
        result: r`$S = {{r.S}}$：每个坐标的均方误差 $ {{r.mse}}$（论文，CIFAR-10：{{r.paper}}）；用每步自己的 $\epsilon$ 撤销该步：最大差值 $ {{r.roundTrip}}$。`,
      },
      feedback: {
        flat: r`分别取 $S = 10$ 和 $S = 1000$ 运行：误差会下降大约三个数量级。`,
        grows: r`分别取 $S = 10$ 和 $S = 1000$ 运行：误差会下降大约三个数量级。`,
        model: r`这里的去噪器是数据的精确 $\epsilon^*$，谈不上模型误差。`,
        noise: r`$\eta = 0$ 时不加任何随机量：编码和解码都是确定性的。`,
      },
    },
  },
};
