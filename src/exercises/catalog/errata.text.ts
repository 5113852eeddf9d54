/** Text of the "errata" exercises (build time only). The notes' formulas are quoted as they wrote them. */
import type { Bilingual, ExerciseText } from '../types.ts';

const r = String.raw;

const notesEq5 = r`$$x_{t-n} = \sqrt{\alpha_{t-n}}\cdot\frac{x_t - \sqrt{1-\alpha_t}\cdot z_t}{\sqrt{\alpha_t}} + \sqrt{1-\alpha_{t-n}-\sigma_t^2}\cdot z_t + \sigma_t^2\,\epsilon_t$$`;
const notesEta = r`$$\sigma_t^2 = \eta\cdot\frac{1-\alpha_{t-1}}{1-\alpha_t}\cdot\Bigl(1-\frac{\alpha_t}{\alpha_{t-1}}\Bigr),\quad \eta\in[0,1]$$`;
const notesTypo = r`$$\int\Bigl(\Bigl[\sqrt{\alpha_{t-n-1}} - \frac{\sqrt{\alpha_{t-1}\cdot(1-\alpha_{t-n-1})}}{\sqrt{1-\alpha_{t-n}}}\Bigr]\cdot x_0\Bigr)\cdot q_\sigma(x_{t-n} \mid x_t, x_0)\cdot dx_{t-n}$$`;
const notesParen = r`$$x_{t-1} = \frac{1}{\sqrt{\alpha_t}}\Bigl(x_t - \frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\Bigr)\cdot z_t + \sigma_t^2\epsilon_t$$`;

const termOptions = {
  en: { x0: r`the predicted-$x_0$ term $\sqrt{\alpha_{t-n}}\,\hat x_0$`, direction: r`the direction term $\sqrt{1-\alpha_{t-n}-\sigma_t^2}\,z_t$`, noise: r`the noise term $\sigma_t^2\epsilon_t$` },
  zh: { x0: r`预测 $x_0$ 项 $\sqrt{\alpha_{t-n}}\,\hat x_0$`, direction: r`方向项 $\sqrt{1-\alpha_{t-n}-\sigma_t^2}\,z_t$`, noise: r`噪声项 $\sigma_t^2\epsilon_t$` },
};
const symbolOptions = { a1: r`$\alpha_{t-n-1}$ in the first square root`, a2: r`$\alpha_{t-1}$ in the numerator`, a3: r`$\alpha_{t-n}$ in the denominator` };
const symbolOptionsZh = { a1: r`第一个根号里的 $\alpha_{t-n-1}$`, a2: r`分子里的 $\alpha_{t-1}$`, a3: r`分母里的 $\alpha_{t-n}$` };

export const errataText: Record<string, Bilingual<ExerciseText>> = {
  'errata/noise-term': {
    en: {
      title: 'The notes’ noise term',
      prompt: r`The source notes write the sampling step (their eq. 5) as

${notesEq5}

One term is wrong.`,
      parts: {
        term: { label: 'Which term?', options: termOptions.en },
        coef: { label: r`The correct coefficient of $\epsilon_t$ (in [[sigma]]):` },
        lost: { label: r`With $\sigma_t = {{s}}$, how much variance does the notes' version lose per step compared with the paper?` },
      },
      hints: [r`$\epsilon_t \sim \mathcal N(0, I)$: what must multiply it so that the added variance is $\sigma_t^2$?`, r`The variance of $c\,\epsilon_t$ is $c^2$.`],
      solution: r`The noise term is $\sigma_t\epsilon_t$ (eq. 12): $\sigma_t$ is a standard deviation. With $\sigma_t^2\epsilon_t$ the step adds variance $\sigma_t^4$ instead of $\sigma_t^2$, losing $\sigma_t^2 - \sigma_t^4 = {{lost}}$ here, and Lemma 1 fails. With $\sigma_t$ the variances add up:

$$k_t^2\,(1-\alpha_t) + \sigma_t^2 = 1-\alpha_{t-1}$$ {check=variance-needs-sigma}

The two versions agree only at $\sigma_t = 0$ (deterministic DDIM, which is why the mistake goes unnoticed there) and at $\sigma_t = 1$.`,
      feedback: {
        x0: r`The first term is eq. 12's "predicted $x_0$" scaled to $t-n$; it is right.`,
        direction: r`The direction term is right: its variance $1-\alpha_{t-n}-\sigma_t^2$ leaves exactly $\sigma_t^2$ for the noise.`,
        sigmaSquared: r`That is the notes' $\sigma_t^2$: it agrees only at $\sigma_t = 0$ and $\sigma_t = 1$.`,
        lostFourth: r`$\sigma_t^4$ is what the notes' version adds. The loss is the difference $\sigma_t^2 - \sigma_t^4$.`,
      },
    },
    zh: {
      title: '原笔记的噪声项',
      prompt: r`原笔记的公式（5）把采样的一步写成

${notesEq5}

其中有一项写错了。`,
      parts: {
        term: { label: '哪一项？', options: termOptions.zh },
        coef: { label: r`$\epsilon_t$ 正确的系数（用 [[sigma]] 表示）：` },
        lost: { label: r`取 $\sigma_t = {{s}}$，与论文相比，原笔记的写法每一步少了多少方差？` },
      },
      hints: [r`$\epsilon_t \sim \mathcal N(0, I)$：它前面乘什么，新增的方差才是 $\sigma_t^2$？`, r`$c\,\epsilon_t$ 的方差是 $c^2$。`],
      solution: r`噪声项应为 $\sigma_t\epsilon_t$（DDIM 式（12））：$\sigma_t$ 本身就是标准差。写成 $\sigma_t^2\epsilon_t$ 时，这一步新增的方差是 $\sigma_t^4$ 而不是 $\sigma_t^2$，这里少了 $\sigma_t^2 - \sigma_t^4 = {{lost}}$，引理 1 也就不成立了。用 $\sigma_t$ 时方差正好凑齐：

$$k_t^2\,(1-\alpha_t) + \sigma_t^2 = 1-\alpha_{t-1}$$ {check=variance-needs-sigma}

两种写法只在 $\sigma_t = 0$（确定性 DDIM，所以这个错误在那里不会暴露）和 $\sigma_t = 1$ 时一致。`,
      feedback: {
        x0: r`第一项是式（12）里缩放到 $t-n$ 的“预测的 $x_0$”，没有问题。`,
        direction: r`方向项是对的：它的方差 $1-\alpha_{t-n}-\sigma_t^2$ 正好给噪声留出 $\sigma_t^2$。`,
        sigmaSquared: r`这就是原笔记的 $\sigma_t^2$：只在 $\sigma_t = 0$ 和 $\sigma_t = 1$ 时才对。`,
        lostFourth: r`$\sigma_t^4$ 是原笔记写法新增的方差，少掉的是差值 $\sigma_t^2 - \sigma_t^4$。`,
      },
    },
  },
  'errata/eta-linear': {
    en: {
      title: 'η or η²?',
      prompt: r`The notes define the family between DDIM and DDPM as

${notesEta}

whereas the paper's eq. 16 sets $\sigma_t(\eta) = \eta\sqrt{(1-\alpha_{t-1})/(1-\alpha_t)}\sqrt{1-\alpha_t/\alpha_{t-1}}$. For $\eta = {{eta}}$, compute the ratio of the notes' $\sigma_t^2$ to the paper's.`,
      parts: {
        ratio: { label: r`$\sigma^2_{\text{notes}} / \sigma^2_{\text{paper}} =$` },
        agree: { label: 'For which η do the two definitions agree?', options: { ends: 'only at η = 0 and η = 1', all: 'for every η in [0, 1]', none: 'for no η' } },
      },
      hints: [r`Square the paper's $\sigma_t(\eta)$: $\eta$ becomes $\eta^2$.`],
      solution: r`The paper's variance carries $\eta^2$:

$$\sigma_t(\eta)^2 = \eta^2\,\tilde\beta_t = \eta^2\,\frac{1-\alpha_{t-1}}{1-\alpha_t}\Bigl(1-\frac{\alpha_t}{\alpha_{t-1}}\Bigr)$$ {check=sigma2-eta-squared}

so the notes' $\eta\tilde\beta_t$ is $1/\eta = {{ratio}}$ times too large for $0 < \eta < 1$, and equal only at $\eta = 0$ and $\eta = 1$, the two cases the notes work out, which hides the difference.`,
      feedback: {
        etaItself: r`That is the paper's over the notes'. The notes' variance is the larger one: $\eta > \eta^2$ for $0 < \eta < 1$.`,
        all: r`Try $\eta = 0.5$: $\eta = 0.5$ but $\eta^2 = 0.25$.`,
        none: r`At $\eta = 0$ and $\eta = 1$, $\eta = \eta^2$.`,
      },
    },
    zh: {
      title: 'η 还是 η²？',
      prompt: r`原笔记把介于 DDIM 和 DDPM 之间的这一族写成

${notesEta}

而论文的式（16）定义的是 $\sigma_t(\eta) = \eta\sqrt{(1-\alpha_{t-1})/(1-\alpha_t)}\sqrt{1-\alpha_t/\alpha_{t-1}}$。取 $\eta = {{eta}}$，计算原笔记的 $\sigma_t^2$ 与论文的 $\sigma_t^2$ 之比。`,
      parts: {
        ratio: { label: r`$\sigma^2_{\text{笔记}} / \sigma^2_{\text{论文}} =$` },
        agree: { label: '两种定义在哪些 η 下一致？', options: { ends: '只在 η = 0 和 η = 1 时', all: '对 [0, 1] 中所有 η 都一致', none: '没有任何 η 一致' } },
      },
      hints: [r`把论文的 $\sigma_t(\eta)$ 平方：$\eta$ 变成 $\eta^2$。`],
      solution: r`论文的方差里是 $\eta^2$：

$$\sigma_t(\eta)^2 = \eta^2\,\tilde\beta_t = \eta^2\,\frac{1-\alpha_{t-1}}{1-\alpha_t}\Bigl(1-\frac{\alpha_t}{\alpha_{t-1}}\Bigr)$$ {check=sigma2-eta-squared}

所以当 $0 < \eta < 1$ 时，原笔记的 $\eta\tilde\beta_t$ 偏大，是正确值的 $1/\eta = {{ratio}}$ 倍；两者只在 $\eta = 0$ 和 $\eta = 1$ 时相等。原笔记恰好只推了这两种情形，差别也就被掩盖了。`,
      feedback: {
        etaItself: r`你算的是论文与原笔记之比，弄反了。原笔记的方差更大：$0 < \eta < 1$ 时 $\eta > \eta^2$。`,
        all: r`试试 $\eta = 0.5$：$\eta = 0.5$，而 $\eta^2 = 0.25$，两者不等。`,
        none: r`在 $\eta = 0$ 和 $\eta = 1$ 时 $\eta = \eta^2$。`,
      },
    },
  },
  'errata/alpha-typo': {
    en: {
      title: 'A subscript slips in the induction',
      prompt: r`In the middle of the n-step induction the notes write

${notesTypo}

while every other line has the coefficient $\sqrt{\alpha_{t-n-1}} - \sqrt{\alpha_{t-n}(1-\alpha_{t-n-1})}/\sqrt{1-\alpha_{t-n}}$.`,
      parts: {
        symbol: { label: 'Which symbol is wrong?', options: symbolOptions },
        n: { label: 'For which jump length n is the slip harmless (the two coefficients coincide for every schedule)?' },
      },
      hints: [r`Compare the line with the one before and the one after.`, r`When is $t-1 = t-n$?`],
      solution: r`The numerator should read $\alpha_{t-n}$, not $\alpha_{t-1}$: this is the $x_0$ coefficient of one σ = 0 step from $t-n$ to $t-n-1$,

$$\lambda = \sqrt{\alpha_{t-n-1}} - \frac{\sqrt{\alpha_{t-n}\,(1-\alpha_{t-n-1})}}{\sqrt{1-\alpha_{t-n}}}$$ {check=x0-coefficient}

The two agree when $t-1 = t-n$, i.e. $n = 1$, the base case: so checking the base case alone cannot catch it. The next line of the notes has $\alpha_{t-n}$ again, so it is a typo that does not propagate.`,
      feedback: { a1: r`$\alpha_{t-n-1}$ is right: the step lands at $t-n-1$.`, a3: r`$\alpha_{t-n}$ in the denominator is right: the step starts at $t-n$.` },
    },
    zh: {
      title: '归纳中写错的下标',
      prompt: r`在跳 n 步的归纳证明中间，原笔记写道

${notesTypo}

而其余各行里这个系数都是 $\sqrt{\alpha_{t-n-1}} - \sqrt{\alpha_{t-n}(1-\alpha_{t-n-1})}/\sqrt{1-\alpha_{t-n}}$。`,
      parts: {
        symbol: { label: '哪个符号写错了？', options: symbolOptionsZh },
        n: { label: '跳跃步数 n 取多少时这个笔误无害（对任何调度两个系数都相等）？' },
      },
      hints: [r`和前一行、后一行对比一下。`, r`什么时候 $t-1 = t-n$？`],
      solution: r`分子里应是 $\alpha_{t-n}$ 而不是 $\alpha_{t-1}$：这是从 $t-n$ 走一步 σ = 0 到 $t-n-1$ 时 $x_0$ 的系数，

$$\lambda = \sqrt{\alpha_{t-n-1}} - \frac{\sqrt{\alpha_{t-n}\,(1-\alpha_{t-n-1})}}{\sqrt{1-\alpha_{t-n}}}$$ {check=x0-coefficient}

两者在 $t-1 = t-n$，即 $n = 1$ 时一致，而这恰好是归纳基础，所以只检查归纳基础是发现不了这个错误的。原笔记的下一行又写回了 $\alpha_{t-n}$，可见这只是笔误，没有往下传。`,
      feedback: { a1: r`$\alpha_{t-n-1}$ 没错：这一步落在 $t-n-1$。`, a3: r`分母里的 $\alpha_{t-n}$ 没错：这一步从 $t-n$ 出发。` },
    },
  },
  'errata/ddpm-parenthesis': {
    en: {
      title: 'A misplaced parenthesis in DDPM’s mean',
      prompt: r`The notes end their η = 1 derivation, in DDPM's notation ($\alpha_t = 1-\beta_t$, $\bar\alpha_t$ cumulative), with

${notesParen}

Write the correct mean of $x_{t-1}$ in terms of $x_t$ ([[x_t]]), the predicted noise $z_t$ ([[eps]]), $\beta_t$ ([[beta]]) and $\bar\alpha_t$ ([[abar]]).`,
      parts: { mean: { label: r`$\mu_\theta(x_t, t) =$` } },
      hints: [r`DDPM eq. 11: the noise prediction is subtracted inside the parenthesis.`, r`DDPM's $\alpha_t$ is $1-\beta_t$.`],
      solution: r`DDPM eq. 11: $\mu_\theta = \frac{1}{\sqrt{\alpha_t}}\bigl(x_t - \frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\,z_t\bigr)$, with $z_t$ inside the parenthesis. It is the mean of the DDIM step at $\eta = 1$ (in DDIM's notation on the left, $\alpha$ for $\bar\alpha$):

$$\sqrt{\alpha_{t-1}}\,\hat x_0 + \sqrt{1-\alpha_{t-1}-\sigma_t(1)^2}\;z_t = \frac{1}{\sqrt{1-\beta_t}}\Bigl(x_t - \frac{\beta_t}{\sqrt{1-\alpha_t}}\,z_t\Bigr)$$ {check=eta1-mean-is-ddpm}

The notes' version multiplies the whole bracket by $z_t$ (and, like their eq. 5, writes $\sigma_t^2\epsilon_t$ for the noise).`,
      feedback: {
        notesParen: r`That is the notes' parenthesisation: $z_t$ multiplies the whole bracket, so even $x_t$ gets multiplied by the noise.`,
        alphaBarInFront: r`The prefactor is DDPM's one-step $1/\sqrt{\alpha_t} = 1/\sqrt{1-\beta_t}$, not $1/\sqrt{\bar\alpha_t}$.`,
      },
    },
    zh: {
      title: 'DDPM 均值里放错的括号',
      prompt: r`原笔记在 η = 1 推导的最后换成了 DDPM 的记号（$\alpha_t = 1-\beta_t$，$\bar\alpha_t$ 为累乘），写成

${notesParen}

用 $x_t$（[[x_t]]）、预测噪声 $z_t$（[[eps]]）、$\beta_t$（[[beta]]）和 $\bar\alpha_t$（[[abar]]）写出 $x_{t-1}$ 正确的均值。`,
      parts: { mean: { label: r`$\mu_\theta(x_t, t) =$` } },
      hints: [r`DDPM 式（11）：噪声预测项是在括号里面减去的。`, r`DDPM 的 $\alpha_t$ 就是 $1-\beta_t$。`],
      solution: r`DDPM 式（11）：$\mu_\theta = \frac{1}{\sqrt{\alpha_t}}\bigl(x_t - \frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\,z_t\bigr)$，$z_t$ 在括号里面。它正是 $\eta = 1$ 时 DDIM 一步的均值（左边用 DDIM 记号，$\alpha$ 即 $\bar\alpha$）：

$$\sqrt{\alpha_{t-1}}\,\hat x_0 + \sqrt{1-\alpha_{t-1}-\sigma_t(1)^2}\;z_t = \frac{1}{\sqrt{1-\beta_t}}\Bigl(x_t - \frac{\beta_t}{\sqrt{1-\alpha_t}}\,z_t\Bigr)$$ {check=eta1-mean-is-ddpm}

原笔记的写法让 $z_t$ 乘上了整个括号（噪声项也和原笔记的公式（5）一样，写成了 $\sigma_t^2\epsilon_t$）。`,
      feedback: {
        notesParen: r`这就是原笔记的括号位置：$z_t$ 乘的是整个括号，连 $x_t$ 也被乘上了噪声。`,
        alphaBarInFront: r`前面的系数是 DDPM 单步的 $1/\sqrt{\alpha_t} = 1/\sqrt{1-\beta_t}$，不是 $1/\sqrt{\bar\alpha_t}$。`,
      },
    },
  },
  'errata/sigma-squared-predict': {
    en: {
      title: 'What σ² in place of σ does to samples',
      prompt: r`Sample the two-bump toy data with $\eta = 1$ twice: once with the paper's noise term $\sigma_t z$, once with the notes' $\sigma_t^2 z$ (1,000 points, exact $\epsilon^*$, the lab's scheduler). Compared with the data, the notes' samples are spread…`,
      parts: { prediction: { label: 'Prediction:', options: { less: 'less (too narrow)', same: 'the same', more: 'more (too wide)' } } },
      hints: [r`$\sigma_t < 1$, so $\sigma_t^2 < \sigma_t$: each step injects less noise than it should.`],
      solution: r`Less: every step adds variance $\sigma_t^4 < \sigma_t^2$, so the chain loses spread it never gets back, and Lemma 1's marginals are missed. With $\sigma_t$ the variance budget closes at each step:

$$k_t^2\,(1-\alpha_t) + \sigma_t^2 = 1-\alpha_{t-1}$$ {check=marginal-needs-sigma}`,
      lab: {
        intro: r`Standard deviation of the first coordinate: the data, the paper's sampler, and the notes' version.`,
        result: r`$S = {{r.S}}$, $\eta = 1$: data $ {{r.data}}$, paper ($\sigma_t z$) $ {{r.paper}}$, notes ($\sigma_t^2 z$) $ {{r.notes}}$.`,
      },
      feedback: { same: r`Run it: the spread is visibly smaller.`, more: r`$\sigma_t^2$ is smaller than $\sigma_t$ whenever $\sigma_t < 1$.` },
    },
    zh: {
      title: '把 σ 写成 σ² 对样本的影响',
      prompt: r`用 $\eta = 1$ 对双峰玩具数据采样两次：一次用论文的噪声项 $\sigma_t z$，一次用原笔记的 $\sigma_t^2 z$（1000 个点，精确的 $\epsilon^*$，实验室的调度器）。与数据相比，原笔记的样本分布得……`,
      parts: { prediction: { label: '你的预测：', options: { less: '更窄（过于集中）', same: '一样', more: '更宽（过于分散）' } } },
      hints: [r`$\sigma_t < 1$，所以 $\sigma_t^2 < \sigma_t$：每一步注入的噪声都偏少。`],
      solution: r`更窄：每一步新增的方差是 $\sigma_t^4 < \sigma_t^2$，链上丢掉的分散度再也补不回来，达不到引理 1 给出的边缘分布。用 $\sigma_t$ 时，每一步的方差收支都正好平衡：

$$k_t^2\,(1-\alpha_t) + \sigma_t^2 = 1-\alpha_{t-1}$$ {check=marginal-needs-sigma}`,
      lab: {
        intro: r`第一个坐标的标准差：数据本身、论文的采样器、原笔记的写法。`,
        result: r`$S = {{r.S}}$，$\eta = 1$：数据 $ {{r.data}}$，论文（$\sigma_t z$）$ {{r.paper}}$，原笔记（$\sigma_t^2 z$）$ {{r.notes}}$。`,
      },
      feedback: { same: r`运行一下：分散程度明显变小了。`, more: r`只要 $\sigma_t < 1$，$\sigma_t^2$ 就比 $\sigma_t$ 小。` },
    },
  },
};
