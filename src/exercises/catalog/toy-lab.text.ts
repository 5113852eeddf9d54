/** Text of the toy-lab exercises (build time only). */
import type { Bilingual, ExerciseText } from '../types.ts';

const r = String.raw;

export const toyLabText: Record<string, Bilingual<ExerciseText>> = {
  'toy-lab/gaussian-eps-star': {
    en: {
      title: 'The exact ε* for Gaussian data',
      prompt: r`Suppose one coordinate of the data is $x_0 \sim \mathcal N(\mu, s^2)$ and $x_t = \sqrt{\alpha_t}\,x_0 + \sqrt{1-\alpha_t}\,\epsilon$. The best possible noise prediction is $\epsilon^*(x_t) = \mathbb E[\epsilon \mid x_t]$. Write it in terms of $x_t$ ([[x_t]]), $\alpha_t$ ([[a_t]]), $\mu$ ([[mu]]) and $s$ ([[s]]).`,
      parts: { eps: { label: r`$\epsilon^*(x_t) =$` } },
      hints: [r`$(x_t, \epsilon)$ is jointly Gaussian: $x_t$ has mean $\sqrt{\alpha_t}\mu$ and variance $\alpha_t s^2 + 1-\alpha_t$, and $\operatorname{Cov}(x_t, \epsilon) = \sqrt{1-\alpha_t}$.`, r`For jointly Gaussian variables, $\mathbb E[\epsilon \mid x_t] = \operatorname{Cov}(x_t,\epsilon)\,(x_t - \mathbb E x_t)/\operatorname{Var}(x_t)$.`],
      solution: r`$\epsilon^*(x_t) = \sqrt{1-\alpha_t}\,(x_t - \sqrt{\alpha_t}\mu)/(\alpha_t s^2 + 1 - \alpha_t)$; the lab's mixture denoiser is a weighted sum of such terms. Through eq. 9 it gives the posterior mean of $x_0$, checked against the lab's code:

$$\frac{x_t - \sqrt{1-\alpha_t}\,\epsilon^*(x_t)}{\sqrt{\alpha_t}} = \frac{\sqrt{\alpha_t}\,s^2 x_t + (1-\alpha_t)\,\mu}{\alpha_t s^2 + 1 - \alpha_t}$$ {check=posterior-mean}`,
      feedback: {
        noDataVariance: r`This treats $x_0$ as exactly $\mu$ (it is right only for $s = 0$). The data's own spread adds $\alpha_t s^2$ to the variance of $x_t$.`,
        missingRoot: r`Missing the factor $\sqrt{1-\alpha_t} = \operatorname{Cov}(x_t, \epsilon)$ in front.`,
      },
    },
    zh: {
      title: '高斯数据的精确 ε*',
      prompt: r`设数据的某个坐标服从 $x_0 \sim \mathcal N(\mu, s^2)$，且 $x_t = \sqrt{\alpha_t}\,x_0 + \sqrt{1-\alpha_t}\,\epsilon$。最优的噪声预测是 $\epsilon^*(x_t) = \mathbb E[\epsilon \mid x_t]$。用 $x_t$（[[x_t]]）、$\alpha_t$（[[a_t]]）、$\mu$（[[mu]]）和 $s$（[[s]]）写出它。`,
      parts: { eps: { label: r`$\epsilon^*(x_t) =$` } },
      hints: [r`$(x_t, \epsilon)$ 服从联合高斯分布：$x_t$ 的均值为 $\sqrt{\alpha_t}\mu$，方差为 $\alpha_t s^2 + 1-\alpha_t$，且 $\operatorname{Cov}(x_t, \epsilon) = \sqrt{1-\alpha_t}$。`, r`对联合高斯变量，$\mathbb E[\epsilon \mid x_t] = \operatorname{Cov}(x_t,\epsilon)\,(x_t - \mathbb E x_t)/\operatorname{Var}(x_t)$。`],
      solution: r`$\epsilon^*(x_t) = \sqrt{1-\alpha_t}\,(x_t - \sqrt{\alpha_t}\mu)/(\alpha_t s^2 + 1 - \alpha_t)$；实验室里混合分布的精确去噪器就是这种项的加权和。代入 DDIM 式（9），就得到 $x_0$ 的后验均值；下式与实验室的代码做了比对：

$$\frac{x_t - \sqrt{1-\alpha_t}\,\epsilon^*(x_t)}{\sqrt{\alpha_t}} = \frac{\sqrt{\alpha_t}\,s^2 x_t + (1-\alpha_t)\,\mu}{\alpha_t s^2 + 1 - \alpha_t}$$ {check=posterior-mean}`,
      feedback: {
        noDataVariance: r`这相当于把 $x_0$ 当成恒等于 $\mu$（只在 $s = 0$ 时成立）。数据本身的离散程度会给 $x_t$ 的方差再加上 $\alpha_t s^2$。`,
        missingRoot: r`前面少了因子 $\sqrt{1-\alpha_t} = \operatorname{Cov}(x_t, \epsilon)$。`,
      },
    },
  },
  'toy-lab/memorisation-predict': {
    en: {
      title: 'Memorisation with the empirical ε*',
      prompt: r`Take a training set of just three points and use the exact $\epsilon^*$ of their empirical distribution (a softmax over the points) as the denoiser. Run DDIM with $\eta = 0$ and $S = 50$ from 200 starting points $x_T$. Where do the samples end up?`,
      parts: { prediction: { label: 'Prediction:', options: { training: 'on the three training points', smooth: 'spread smoothly around them', origin: 'near the origin' } } },
      hints: [r`What is $\hat x_0$ for the empirical distribution, as $\alpha \to 1$?`],
      solution: r`On the training points: the exact $\epsilon^*$ of an empirical distribution predicts $\hat x_0$ as a softmax-weighted average of the training points,

$$\mathbb E[x_0 \mid x_t] = \sum_k \operatorname{softmax}_k\Bigl(-\frac{\lVert x_t - \sqrt{\alpha_t}\,x^{(k)}\rVert^2}{2(1-\alpha_t)}\Bigr)\,x^{(k)}$$ {check=empirical-posterior}

and as $\alpha_t \to 1$ the weights become one-hot. A perfect denoiser of the training set only reproduces it: generalisation needs a model that does not fit $\epsilon^*$ exactly.`,
      lab: {
        intro: r`The run uses the lab's reference sampler (the scheduler port) with the empirical $\epsilon^*$ of the three points.`,
        result: r`$S = {{r.S}}$, $\eta = {{r.eta}}$: largest distance from a sample to its nearest training point $ {{r.worst}}$; distinct sample locations (to 2 decimals): $ {{r.distinct}}$.`,
      },
      feedback: { smooth: r`That is what a model that generalises would do; the exact $\epsilon^*$ of three points does not.`, origin: r`The mean of the data is not where a deterministic sampler with $\epsilon^*$ goes: each $x_T$ is pulled to one point.` },
    },
    zh: {
      title: '记忆现象：经验分布的精确 ε*',
      prompt: r`训练集只有三个点，去噪器取这三个点的经验分布的精确 $\epsilon^*$（对三个点做 softmax）。从 200 个起点 $x_T$ 出发，用 $\eta = 0$、$S = 50$ 运行 DDIM。样本最后会落在哪里？`,
      parts: { prediction: { label: '你的预测：', options: { training: '落在三个训练点上', smooth: '在训练点周围平滑地散开', origin: '聚在原点附近' } } },
      hints: [r`对经验分布，$\alpha \to 1$ 时 $\hat x_0$ 是什么？`],
      solution: r`落在训练点上：经验分布的精确 $\epsilon^*$ 给出的 $\hat x_0$ 是训练点的 softmax 加权平均，

$$\mathbb E[x_0 \mid x_t] = \sum_k \operatorname{softmax}_k\Bigl(-\frac{\lVert x_t - \sqrt{\alpha_t}\,x^{(k)}\rVert^2}{2(1-\alpha_t)}\Bigr)\,x^{(k)}$$ {check=empirical-posterior}

而 $\alpha_t \to 1$ 时，权重趋于独热（one-hot）。完美拟合训练集的去噪器只会复现训练集：要泛化，模型恰恰不能把 $\epsilon^*$ 拟合得一模一样。`,
      lab: {
        intro: r`运行的是实验室的参考采样器（调度器移植版），去噪器为这三个点的经验 $\epsilon^*$。`,
        result: r`$S = {{r.S}}$，$\eta = {{r.eta}}$：样本到最近训练点的最大距离 $ {{r.worst}}$；不同的样本位置（保留两位小数）共 $ {{r.distinct}}$ 个。`,
      },
      feedback: { smooth: r`能泛化的模型才会这样；三个点的精确 $\epsilon^*$ 不会。`, origin: r`确定性采样器配上 $\epsilon^*$ 并不会走向数据的均值：每个 $x_T$ 都会被拉到某一个训练点上。` },
    },
  },
  'toy-lab/slerp': {
    en: {
      title: 'Why interpolate noise with slerp',
      prompt: r`DDIM interpolates between two starting noises with spherical interpolation (slerp). Take $x = ({{x1}}, {{x2}})$ and $y = ({{y1}}, {{y2}})$, two vectors of (almost) equal length. Compute the length of the linear midpoint $(x+y)/2$ and of the slerp midpoint $\operatorname{slerp}(x, y; \tfrac12)$.`,
      parts: { linear: { label: r`$\lVert (x+y)/2 \rVert =$` }, slerp: { label: r`$\lVert \operatorname{slerp}(x, y; \tfrac12) \rVert =$` } },
      hints: [r`$\operatorname{slerp}(x, y; \lambda) = \frac{\sin((1-\lambda)\theta)}{\sin\theta}x + \frac{\sin(\lambda\theta)}{\sin\theta}y$ with $\theta$ the angle between $x$ and $y$.`, r`At $\lambda = \tfrac12$ both weights are $\sin(\theta/2)/\sin\theta = 1/(2\cos(\theta/2))$.`],
      solution: r`Linear: $ {{lin}}$; slerp: $ {{sl}}$. The linear midpoint is shorter, which for Gaussian noise in many dimensions means atypically small noise; slerp keeps the length of equal-length endpoints:

$$\bigl\lVert \operatorname{slerp}(x, y; \lambda) \bigr\rVert = \lVert x \rVert\qquad(\lVert x \rVert = \lVert y \rVert)$$ {check=slerp-keeps-norm}`,
      feedback: { linear: r`That is the linear midpoint's length; slerp walks along the circle instead of the chord.` },
    },
    zh: {
      title: '为什么用 slerp 插值噪声',
      prompt: r`DDIM 在两个起始噪声之间做球面插值（slerp）。取 $x = ({{x1}}, {{x2}})$、$y = ({{y1}}, {{y2}})$，两者长度（几乎）相等。分别计算线性中点 $(x+y)/2$ 和 slerp 中点 $\operatorname{slerp}(x, y; \tfrac12)$ 的长度。`,
      parts: { linear: { label: r`$\lVert (x+y)/2 \rVert =$` }, slerp: { label: r`$\lVert \operatorname{slerp}(x, y; \tfrac12) \rVert =$` } },
      hints: [r`$\operatorname{slerp}(x, y; \lambda) = \frac{\sin((1-\lambda)\theta)}{\sin\theta}x + \frac{\sin(\lambda\theta)}{\sin\theta}y$，$\theta$ 是 $x$ 与 $y$ 的夹角。`, r`$\lambda = \tfrac12$ 时两个权重都是 $\sin(\theta/2)/\sin\theta = 1/(2\cos(\theta/2))$。`],
      solution: r`线性中点：$ {{lin}}$；slerp 中点：$ {{sl}}$。线性中点更短；对高维高斯噪声来说，这意味着噪声的模长小得反常（不再是典型样本）。slerp 则能保持等长端点的长度：

$$\bigl\lVert \operatorname{slerp}(x, y; \lambda) \bigr\rVert = \lVert x \rVert\qquad(\lVert x \rVert = \lVert y \rVert)$$ {check=slerp-keeps-norm}`,
      feedback: { linear: r`这是线性中点的长度；slerp 走的是圆弧，不是弦。` },
    },
  },
  'toy-lab/inversion-numerically': {
    en: {
      title: 'Show numerically: DDIM inversion',
      prompt: r`Encode 200 data points to $x_T$ by running the $\eta = 0$ update backwards (holding $\epsilon^*$ fixed over each step), then decode them with $S$ ordinary DDIM steps. Run it for $S = 10$, $50$, $200$, $500$ and watch the mean reconstruction error.`,
      parts: { trend: { label: 'As S grows, the reconstruction error…', options: { shrinks: 'shrinks towards 0', constant: 'stays about the same', grows: 'grows' } } },
      hints: [r`One $\eta = 0$ step with $\epsilon$ held fixed can be undone exactly; the error comes from evaluating $\epsilon^*$ at the wrong end of the step.`],
      solution: r`It shrinks: the $\eta = 0$ sampler discretises an ODE, and a single step with fixed $\epsilon$ is exactly invertible,

$$\sqrt{\alpha_t}\,\hat x_0(x_{t-1}) + \sqrt{1-\alpha_t}\,\epsilon = x_t,\qquad x_{t-1} = \sqrt{\alpha_{t-1}}\,\hat x_0(x_t) + \sqrt{1-\alpha_{t-1}}\,\epsilon$$ {check=step-inverts}

The only error is that encoding uses $\epsilon^*$ at one end of each step and decoding at the other; with more, smaller steps the two agree better (the paper's Table 2).`,
      lab: {
        intro: r`Encoding and decoding use the lab's scheduler in float64 and the exact $\epsilon^*$ of the two-bump data.`,
        result: r`$S = {{r.S}}$: mean distance between the data and its reconstruction $= {{r.error}}$.`,
      },
    },
    zh: {
      title: '数值验证：DDIM 反演',
      prompt: r`把 200 个数据点按 $\eta = 0$ 的更新式倒着走（每一步内 $\epsilon^*$ 固定不变），编码成 $x_T$，再用 $S$ 步普通 DDIM 解码回来。分别取 $S = 10$、$50$、$200$、$500$ 运行，观察平均重建误差。`,
      parts: { trend: { label: 'S 增大时，重建误差……', options: { shrinks: '减小并趋于 0', constant: '大致不变', grows: '增大' } } },
      hints: [r`$\epsilon$ 固定时，一步 $\eta = 0$ 更新可以精确地撤销；误差来自 $\epsilon^*$ 在这一步的哪一端取值。`],
      solution: r`误差减小：$\eta = 0$ 的采样器是对一个 ODE 的离散化，而 $\epsilon$ 固定时单步是精确可逆的，

$$\sqrt{\alpha_t}\,\hat x_0(x_{t-1}) + \sqrt{1-\alpha_t}\,\epsilon = x_t,\qquad x_{t-1} = \sqrt{\alpha_{t-1}}\,\hat x_0(x_t) + \sqrt{1-\alpha_{t-1}}\,\epsilon$$ {check=step-inverts}

唯一的误差在于：编码时在每一步的一端计算 $\epsilon^*$，解码时则在另一端。步数越多、每一步越小，两端的 $\epsilon^*$ 就越接近（对应论文的表 2）。`,
      lab: {
        intro: r`编码和解码都用实验室的调度器（以 float64 计算）和双峰数据的精确 $\epsilon^*$。`,
        result: r`$S = {{r.S}}$：数据与其重建之间的平均距离 $= {{r.error}}$。`,
      },
    },
  },
  'toy-lab/consistency-predict': {
    en: {
      title: 'Consistency: one x_T, different S',
      prompt: r`Run DDIM with $\eta = 0$ from the same 300 starting points $x_T$, once with $S = 10$ and once with $S = 100$ (exact $\epsilon^*$, two-bump data). Compared with two runs from different $x_T$, the two results are…`,
      parts: { prediction: { label: 'Prediction:', options: { close: 'close: each x_T lands near the same place', unrelated: 'as far apart as two independent samples' } } },
      hints: [r`With $\eta = 0$ the sampler approximates one deterministic map $x_T \mapsto x_0$; $S$ only changes how finely it is discretised.`],
      solution: r`Close: both runs approximate the same ODE map, so each $x_T$ keeps its "identity" (the paper's consistency property, §5.2). The map is built from the exact $\epsilon^*$ through Tweedie's formula, checked here against the lab's posterior mean:

$$\mathbb E[x_0 \mid x_t] = \frac{x_t - \sqrt{1-\alpha_t}\,\epsilon^*(x_t)}{\sqrt{\alpha_t}}$$ {check=eps-star-tweedie}`,
      lab: {
        intro: r`Mean distance between the two runs from the same $x_T$, and, for scale, between runs from different $x_T$.`,
        result: r`$S = {{r.Sa}}$ vs $S = {{r.Sb}}$ from the same $x_T$: $ {{r.same}}$; two different $x_T$: $ {{r.different}}$.`,
      },
      feedback: { unrelated: r`Run it: the same $x_T$ lands much closer than a different one does.` },
    },
    zh: {
      title: '一致性：同一个 x_T，不同的 S',
      prompt: r`从同样的 300 个起点 $x_T$ 出发，用 $\eta = 0$ 各运行一次 DDIM：一次 $S = 10$，一次 $S = 100$（精确 $\epsilon^*$，双峰数据）。与从不同 $x_T$ 出发的两次运行相比，这两次的结果……`,
      parts: { prediction: { label: '你的预测：', options: { close: '很接近：每个 x_T 都落在差不多的位置', unrelated: '和两组独立样本一样相距甚远' } } },
      hints: [r`$\eta = 0$ 时采样器近似的是一个确定性映射 $x_T \mapsto x_0$；$S$ 只决定离散化的粗细。`],
      solution: r`很接近：两次运行近似的是同一个 ODE 映射，每个 $x_T$ 都保持着自己的“身份”（即论文 5.2 节所说的一致性）。这个映射由精确 $\epsilon^*$ 经 Tweedie 公式给出，下式与实验室的后验均值做了比对：

$$\mathbb E[x_0 \mid x_t] = \frac{x_t - \sqrt{1-\alpha_t}\,\epsilon^*(x_t)}{\sqrt{\alpha_t}}$$ {check=eps-star-tweedie}`,
      lab: {
        intro: r`从同一 $x_T$ 出发的两次运行之间的平均距离；作为对照，也给出从不同 $x_T$ 出发时的平均距离。`,
        result: r`同一 $x_T$，$S = {{r.Sa}}$ 与 $S = {{r.Sb}}$：$ {{r.same}}$；不同的 $x_T$：$ {{r.different}}$。`,
      },
      feedback: { unrelated: r`运行一下：同一个 $x_T$ 的两次结果比不同 $x_T$ 的要近得多。` },
    },
  },
};
