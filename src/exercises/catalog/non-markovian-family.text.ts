/** Text of the "non-Markovian family" exercises (build time only). */
import type { Bilingual, ExerciseText } from '../types.ts';

const r = String.raw;

const lines = {
  l1: r`(1) $x_t = \sqrt{\alpha_t}\,x_0 + \sqrt{1-\alpha_t}\,\epsilon$ and $x_{t-1} = k_t x_t + \lambda_t x_0 + \sigma_t z$, with $\epsilon, z \sim \mathcal N(0, 1)$ independent.`,
  l2: r`(2) $\mathbb E[x_{t-1} \mid x_0] = k_t\sqrt{\alpha_t}\,x_0 + \lambda_t x_0 = \sqrt{\alpha_{t-1}}\,x_0$.`,
  l3: r`(3) $\operatorname{Var}[x_{t-1} \mid x_0] = k_t\,(1-\alpha_t) + \sigma_t^2$.`,
  l4: r`(4) $\phantom{\operatorname{Var}[x_{t-1} \mid x_0]} = 1-\alpha_{t-1}$.`,
};
const linesZh = {
  l1: r`(1) $x_t = \sqrt{\alpha_t}\,x_0 + \sqrt{1-\alpha_t}\,\epsilon$，$x_{t-1} = k_t x_t + \lambda_t x_0 + \sigma_t z$，其中 $\epsilon, z \sim \mathcal N(0, 1)$ 相互独立。`,
  l2: r`(2) $\mathbb E[x_{t-1} \mid x_0] = k_t\sqrt{\alpha_t}\,x_0 + \lambda_t x_0 = \sqrt{\alpha_{t-1}}\,x_0$。`,
  l3: r`(3) $\operatorname{Var}[x_{t-1} \mid x_0] = k_t\,(1-\alpha_t) + \sigma_t^2$。`,
  l4: r`(4) $\phantom{\operatorname{Var}[x_{t-1} \mid x_0]} = 1-\alpha_{t-1}$。`,
};

export const nonMarkovianFamilyText: Record<string, Bilingual<ExerciseText>> = {
  'non-markovian-family/xt-coefficient': {
    en: {
      title: 'The coefficient of x_t in q_σ',
      prompt: r`The mean of $q_\sigma(x_{t-1} \mid x_t, x_0)$ is $k_t x_t + \lambda_t x_0$. Requiring $q_\sigma(x_{t-1} \mid x_0) = \mathcal N(\sqrt{\alpha_{t-1}}x_0, (1-\alpha_{t-1})I)$ fixes $k_t$. Write $k_t$ in terms of $\alpha_t$ ([[a_t]]), $\alpha_{t-1}$ ([[a_prev]]) and $\sigma_t$ ([[sigma]]).`,
      parts: { k: { label: r`$k_t =$` } },
      hints: [r`Given $x_0$, $x_t$ has variance $1-\alpha_t$, and $x_{t-1} = k_t x_t + \lambda_t x_0 + \sigma_t z$.`, r`Match variances: $k_t^2(1-\alpha_t) + \sigma_t^2 = 1 - \alpha_{t-1}$.`],
      solution: r`The variance of $x_{t-1}$ given $x_0$ must be $1-\alpha_{t-1}$:

$$k_t^2\,(1-\alpha_t) + \sigma_t^2 = 1-\alpha_{t-1},\qquad k_t = \sqrt{\frac{1-\alpha_{t-1}-\sigma_t^2}{1-\alpha_t}}$$ {check=variance-match}

In the answer syntax: [[sqrt(1 - a_prev - sigma^2)/sqrt(1 - a_t)]].`,
      feedback: {
        noSigma: r`That is $k_t$ for $\sigma_t = 0$ only. The noise $\sigma_t z$ takes its share $\sigma_t^2$ of the variance $1-\alpha_{t-1}$, so $k_t$ must shrink.`,
        sigmaNotSquared: r`Variances add: the noise contributes $\sigma_t^2$, not $\sigma_t$.`,
        noRoot: r`That is $k_t^2$. The variance equation gives $k_t^2$; take the square root.`,
      },
    },
    zh: {
      title: 'q_σ 中 x_t 的系数',
      prompt: r`$q_\sigma(x_{t-1} \mid x_t, x_0)$ 的均值记为 $k_t x_t + \lambda_t x_0$。要求 $q_\sigma(x_{t-1} \mid x_0) = \mathcal N(\sqrt{\alpha_{t-1}}x_0, (1-\alpha_{t-1})I)$，就能确定 $k_t$。用 $\alpha_t$（[[a_t]]）、$\alpha_{t-1}$（[[a_prev]]）和 $\sigma_t$（[[sigma]]）写出 $k_t$。`,
      parts: { k: { label: r`$k_t =$` } },
      hints: [r`给定 $x_0$ 时，$x_t$ 的方差是 $1-\alpha_t$，而 $x_{t-1} = k_t x_t + \lambda_t x_0 + \sigma_t z$。`, r`让方差对上：$k_t^2(1-\alpha_t) + \sigma_t^2 = 1 - \alpha_{t-1}$。`],
      solution: r`给定 $x_0$ 时，$x_{t-1}$ 的方差必须是 $1-\alpha_{t-1}$：

$$k_t^2\,(1-\alpha_t) + \sigma_t^2 = 1-\alpha_{t-1},\qquad k_t = \sqrt{\frac{1-\alpha_{t-1}-\sigma_t^2}{1-\alpha_t}}$$ {check=variance-match}

按答题格式写作 [[sqrt(1 - a_prev - sigma^2)/sqrt(1 - a_t)]]。`,
      feedback: {
        noSigma: r`这只是 $\sigma_t = 0$ 时的 $k_t$。噪声项 $\sigma_t z$ 要从总方差 $1-\alpha_{t-1}$ 中占去 $\sigma_t^2$，所以 $k_t$ 必须相应变小。`,
        sigmaNotSquared: r`方差相加时，噪声贡献的是 $\sigma_t^2$，不是 $\sigma_t$。`,
        noRoot: r`这是 $k_t^2$。方差方程解出的是 $k_t^2$，还要开方。`,
      },
    },
  },
  'non-markovian-family/x0-coefficient': {
    en: {
      title: 'The coefficient of x₀ in q_σ',
      prompt: r`Continuing: matching the means fixes $\lambda_t$, the coefficient of $x_0$. Write $\lambda_t$ in terms of [[a_t]], [[a_prev]] and [[sigma]] (you may not use $k_t$; write it out).`,
      parts: { lambda: { label: r`$\lambda_t =$` } },
      hints: [r`$\mathbb E[x_{t-1} \mid x_0] = k_t\sqrt{\alpha_t}\,x_0 + \lambda_t x_0$ must equal $\sqrt{\alpha_{t-1}}\,x_0$.`],
      solution: r`Matching the means:

$$k_t\sqrt{\alpha_t} + \lambda_t = \sqrt{\alpha_{t-1}},\qquad \lambda_t = \sqrt{\alpha_{t-1}} - \sqrt{\alpha_t}\,\sqrt{\frac{1-\alpha_{t-1}-\sigma_t^2}{1-\alpha_t}}$$ {check=mean-match}

Together: the mean is $\sqrt{\alpha_{t-1}}\,x_0 + \sqrt{1-\alpha_{t-1}-\sigma_t^2}\cdot\frac{x_t - \sqrt{\alpha_t}x_0}{\sqrt{1-\alpha_t}}$, the paper's eq. 7.`,
      feedback: {
        onlySqrtPrev: r`$\sqrt{\alpha_{t-1}}$ alone would double-count: part of the $x_0$ signal already arrives through $k_t x_t$.`,
        plusSign: r`The $x_0$ carried by $k_t x_t$ must be subtracted, not added.`,
      },
    },
    zh: {
      title: 'q_σ 中 x₀ 的系数',
      prompt: r`接上题：让均值对上，就能确定 $x_0$ 的系数 $\lambda_t$。用 [[a_t]]、[[a_prev]] 和 [[sigma]] 写出 $\lambda_t$（不能用 $k_t$，要把它展开写）。`,
      parts: { lambda: { label: r`$\lambda_t =$` } },
      hints: [r`$\mathbb E[x_{t-1} \mid x_0] = k_t\sqrt{\alpha_t}\,x_0 + \lambda_t x_0$ 必须等于 $\sqrt{\alpha_{t-1}}\,x_0$。`],
      solution: r`让均值对上：

$$k_t\sqrt{\alpha_t} + \lambda_t = \sqrt{\alpha_{t-1}},\qquad \lambda_t = \sqrt{\alpha_{t-1}} - \sqrt{\alpha_t}\,\sqrt{\frac{1-\alpha_{t-1}-\sigma_t^2}{1-\alpha_t}}$$ {check=mean-match}

合起来，均值就是 $\sqrt{\alpha_{t-1}}\,x_0 + \sqrt{1-\alpha_{t-1}-\sigma_t^2}\cdot\frac{x_t - \sqrt{\alpha_t}x_0}{\sqrt{1-\alpha_t}}$，即论文的式（7）。`,
      feedback: {
        onlySqrtPrev: r`只写 $\sqrt{\alpha_{t-1}}$ 就重复计算了：$x_0$ 的信号有一部分已经经由 $k_t x_t$ 带进来了。`,
        plusSign: r`$k_t x_t$ 带来的那部分 $x_0$ 要减掉，而不是加上。`,
      },
    },
  },
  'non-markovian-family/mean-compute': {
    en: {
      title: 'The mean of q_σ for given numbers',
      prompt: r`Take $\alpha_t = {{aT}}$, $\alpha_{t-1} = {{aPrev}}$, $x_0 = {{x0}}$, $x_t = {{xt}}$ and $\sigma_t = \sigma_t(\eta)$ with $\eta = {{eta}}$. Compute the mean of $q_\sigma(x_{t-1} \mid x_t, x_0)$.`,
      parts: { mean: { label: r`$\mathbb E[x_{t-1} \mid x_t, x_0] =$` } },
      hints: [r`First $\sigma_t(\eta) = \eta\sqrt{(1-\alpha_{t-1})/(1-\alpha_t)}\sqrt{1-\alpha_t/\alpha_{t-1}}$.`, r`Then eq. 7: $\sqrt{\alpha_{t-1}}\,x_0 + \sqrt{1-\alpha_{t-1}-\sigma_t^2}\,(x_t - \sqrt{\alpha_t}x_0)/\sqrt{1-\alpha_t}$.`],
      solution: r`$\sigma_t = {{sigma}}$ and the mean is $ {{mean}}$. At $\eta = 1$ this is DDPM's posterior mean $\tilde\mu_t$ (in DDPM's notation, $\bar\alpha$ for our $\alpha$, $\beta_t = 1-\alpha_t/\alpha_{t-1}$):

$$\sqrt{\alpha_{t-1}}\,x_0 + \sqrt{1-\alpha_{t-1}-\tilde\beta_t}\;\frac{x_t - \sqrt{\alpha_t}\,x_0}{\sqrt{1-\alpha_t}} = \frac{\sqrt{\alpha_{t-1}}\,\beta_t}{1-\alpha_t}\,x_0 + \frac{\sqrt{1-\beta_t}\,(1-\alpha_{t-1})}{1-\alpha_t}\,x_t$$ {check=eta1-is-ddpm}`,
      feedback: { sigmaIgnored: r`That is the mean for $\sigma_t = 0$. With $\eta = {{eta}}$ the direction coefficient is $\sqrt{1-\alpha_{t-1}-\sigma_t^2}$.` },
    },
    zh: {
      title: '代入数值求 q_σ 的均值',
      prompt: r`取 $\alpha_t = {{aT}}$，$\alpha_{t-1} = {{aPrev}}$，$x_0 = {{x0}}$，$x_t = {{xt}}$，$\sigma_t = \sigma_t(\eta)$ 且 $\eta = {{eta}}$。计算 $q_\sigma(x_{t-1} \mid x_t, x_0)$ 的均值。`,
      parts: { mean: { label: r`$\mathbb E[x_{t-1} \mid x_t, x_0] =$` } },
      hints: [r`先算 $\sigma_t(\eta) = \eta\sqrt{(1-\alpha_{t-1})/(1-\alpha_t)}\sqrt{1-\alpha_t/\alpha_{t-1}}$。`, r`再代入式（7）：$\sqrt{\alpha_{t-1}}\,x_0 + \sqrt{1-\alpha_{t-1}-\sigma_t^2}\,(x_t - \sqrt{\alpha_t}x_0)/\sqrt{1-\alpha_t}$。`],
      solution: r`$\sigma_t = {{sigma}}$，均值为 $ {{mean}}$。$\eta = 1$ 时它就是 DDPM 的后验均值 $\tilde\mu_t$（换成 DDPM 的记号：这里的 $\alpha$ 就是 DDPM 的 $\bar\alpha$，$\beta_t = 1-\alpha_t/\alpha_{t-1}$）：

$$\sqrt{\alpha_{t-1}}\,x_0 + \sqrt{1-\alpha_{t-1}-\tilde\beta_t}\;\frac{x_t - \sqrt{\alpha_t}\,x_0}{\sqrt{1-\alpha_t}} = \frac{\sqrt{\alpha_{t-1}}\,\beta_t}{1-\alpha_t}\,x_0 + \frac{\sqrt{1-\beta_t}\,(1-\alpha_{t-1})}{1-\alpha_t}\,x_t$$ {check=eta1-is-ddpm}`,
      feedback: { sigmaIgnored: r`这是 $\sigma_t = 0$ 时的均值。$\eta = {{eta}}$ 时方向项的系数是 $\sqrt{1-\alpha_{t-1}-\sigma_t^2}$。` },
    },
  },
  'non-markovian-family/lemma1-find-error': {
    en: {
      title: 'Find the error: one step of Lemma 1',
      prompt: r`The inductive step of Lemma 1 assumes $q_\sigma(x_t \mid x_0) = \mathcal N(\sqrt{\alpha_t}x_0, (1-\alpha_t)I)$ and shows the same for $t-1$. One line below is wrong.`,
      parts: {
        line: { label: 'Which line is wrong?', options: lines },
        fixed: { label: r`Corrected right-hand side of line (3), in [[a_t]], [[a_prev]], [[sigma]] (write $k_t$ out):` },
      },
      hints: [r`Scaling a random variable by $k$ scales its variance by $k^2$.`],
      solution: r`Line (3) forgets to square $k_t$: $\operatorname{Var}[k_t x_t] = k_t^2\operatorname{Var}[x_t]$. With the square, line (4) follows from the definition of $k_t$:

$$k_t^2\,(1-\alpha_t) + \sigma_t^2 = \frac{1-\alpha_{t-1}-\sigma_t^2}{1-\alpha_t}\,(1-\alpha_t) + \sigma_t^2 = 1-\alpha_{t-1}$$ {check=variance-corrected}`,
      feedback: {
        l1: r`Line (1) is the definition of the family (the reparameterised eq. 7) and the induction hypothesis.`,
        l2: r`Line (2) is right: $\lambda_t$ was chosen so that the means match.`,
        l4: r`Line (4) is what the lemma claims, and it does hold, once line (3) is right.`,
        kNotSquared: r`Still $k_t$ to the first power: a variance scales with the square of the coefficient.`,
      },
    },
    zh: {
      title: '找错：引理 1 的归纳步骤',
      prompt: r`引理 1 的归纳步骤：假设 $q_\sigma(x_t \mid x_0) = \mathcal N(\sqrt{\alpha_t}x_0, (1-\alpha_t)I)$，证明 $t-1$ 时也成立。下面有一行是错的。`,
      parts: {
        line: { label: '哪一行错了？', options: linesZh },
        fixed: { label: r`改正后第（3）行的右边，用 [[a_t]]、[[a_prev]]、[[sigma]] 表示（$k_t$ 要展开）：` },
      },
      hints: [r`随机变量乘以 $k$，方差就乘以 $k^2$。`],
      solution: r`第（3）行忘了把 $k_t$ 平方：$\operatorname{Var}[k_t x_t] = k_t^2\operatorname{Var}[x_t]$。补上平方后，由 $k_t$ 的定义即得第（4）行：

$$k_t^2\,(1-\alpha_t) + \sigma_t^2 = \frac{1-\alpha_{t-1}-\sigma_t^2}{1-\alpha_t}\,(1-\alpha_t) + \sigma_t^2 = 1-\alpha_{t-1}$$ {check=variance-corrected}`,
      feedback: {
        l1: r`第（1）行是这一族过程的定义（式（7）的重参数化形式）加上归纳假设。`,
        l2: r`第（2）行没错：$\lambda_t$ 正是为了让均值对上而选的。`,
        l4: r`第（4）行是引理要证的结论；只要第（3）行写对，它就成立。`,
        kNotSquared: r`$k_t$ 还是一次方：方差要乘的是系数的平方。`,
      },
    },
  },
  'non-markovian-family/lemma1-numerically': {
    en: {
      title: 'Show numerically: Lemma 1 for any η',
      prompt: r`A ten-step toy schedule has $\alpha_1, \dots, \alpha_{10}$ = 0.98, 0.93, 0.85, 0.75, 0.63, 0.5, 0.37, 0.25, 0.14, 0.06. Fix $x_0 = {{x0}}$, draw $x_{10} \sim q(x_{10} \mid x_0)$ and step down with $q_\sigma(x_{t-1} \mid x_t, x_0)$ to $t = {{t}}$, where $\alpha_{ {{t}} } = {{at}}$. What variance does Lemma 1 predict for $x_{ {{t}} }$? Then run the chain for several $\eta$.`,
      parts: {
        variance: { label: r`$\operatorname{Var}[x_{ {{t}} } \mid x_0] =$` },
        eta: { label: 'As η goes from 0 to 1, this variance…', options: { no: 'does not change', grows: 'grows', shrinks: 'shrinks' } },
      },
      hints: [r`Lemma 1: $q_\sigma(x_t \mid x_0) = \mathcal N(\sqrt{\alpha_t}x_0, (1-\alpha_t)I)$ for every choice of $\sigma$.`],
      solution: r`Lemma 1 gives mean $\sqrt{\alpha_t}x_0 = {{m}}$ and variance $1-\alpha_t = {{v}}$ for every $\eta$: each step keeps the variance because

$$k_t^2\,(1-\alpha_t) + \sigma_t^2 = 1-\alpha_{t-1}$$ {check=lemma-step}

$\sigma$ only changes how the randomness is spread between $x_T$ and the fresh noise of each step, not the marginals.`,
      lab: {
        intro: r`The chain uses the site's q_σ step ($x_{t-1} = k_t x_t + \lambda_t x_0 + \sigma_t z$) in float64.`,
        result: r`$\eta = {{r.eta}}$, $N = {{r.n}}$ chains: sample mean $ {{r.mean}}$ (Lemma 1: $ {{r.m}}$), sample variance $ {{r.variance}}$ (Lemma 1: $ {{r.v}}$, standard error about $ {{r.se}}$).`,
      },
    },
    zh: {
      title: '数值验证：任意 η 下的引理 1',
      prompt: r`一个十步的玩具调度取 $\alpha_1, \dots, \alpha_{10}$ 依次为 0.98、0.93、0.85、0.75、0.63、0.5、0.37、0.25、0.14、0.06。固定 $x_0 = {{x0}}$，先采 $x_{10} \sim q(x_{10} \mid x_0)$，再按 $q_\sigma(x_{t-1} \mid x_t, x_0)$ 一步步往下走到 $t = {{t}}$，此时 $\alpha_{ {{t}} } = {{at}}$。引理 1 预言 $x_{ {{t}} }$ 的方差是多少？然后取几个不同的 $\eta$ 运行这条链。`,
      parts: {
        variance: { label: r`$\operatorname{Var}[x_{ {{t}} } \mid x_0] =$` },
        eta: { label: 'η 从 0 增大到 1 时，这个方差……', options: { no: '保持不变', grows: '变大', shrinks: '变小' } },
      },
      hints: [r`引理 1：对任意的 $\sigma$，都有 $q_\sigma(x_t \mid x_0) = \mathcal N(\sqrt{\alpha_t}x_0, (1-\alpha_t)I)$。`],
      solution: r`由引理 1，对任意 $\eta$，均值都是 $\sqrt{\alpha_t}x_0 = {{m}}$，方差都是 $1-\alpha_t = {{v}}$。每一步都保持方差不变，是因为

$$k_t^2\,(1-\alpha_t) + \sigma_t^2 = 1-\alpha_{t-1}$$ {check=lemma-step}

$\sigma$ 只改变随机性在 $x_T$ 与每一步新噪声之间如何分配，不改变边缘分布。`,
      lab: {
        intro: r`这条链用的是本站的 q_σ 单步（$x_{t-1} = k_t x_t + \lambda_t x_0 + \sigma_t z$），以 float64 计算。`,
        result: r`$\eta = {{r.eta}}$，$N = {{r.n}}$ 条链：样本均值 $ {{r.mean}}$（引理 1：$ {{r.m}}$），样本方差 $ {{r.variance}}$（引理 1：$ {{r.v}}$，标准误约 $ {{r.se}}$）。`,
      },
    },
  },
  'non-markovian-family/qmean-code': {
    en: {
      title: 'Code: the mean of q_σ',
      prompt: r`Write [[qMean(x0, xt, alphaT, alphaPrev, sigma)]] returning the mean of $q_\sigma(x_{t-1} \mid x_t, x_0)$ (eq. 7) for scalars.`,
      parts: { code: { label: 'Your code', starter: 'function qMean(x0, xt, alphaT, alphaPrev, sigma) {\n  // √α_{t−1} x0 + √(1 − α_{t−1} − σ²) · (xt − √α_t x0) / √(1 − α_t)\n  return 0;\n}\n' } },
      hints: [r`The fraction $(x_t - \sqrt{\alpha_t}x_0)/\sqrt{1-\alpha_t}$ is the noise that produced $x_t$ from $x_0$.`],
      solution: r`Eq. 7 term by term. With $\sigma = 0$ and $x_t$ made from $x_0$ with noise $\epsilon$, it is exactly the deterministic DDIM step with the true $\epsilon$:

$$\mathbb E_{\sigma = 0}[x_{t-1} \mid x_t, x_0] = \sqrt{\alpha_{t-1}}\,\frac{x_t - \sqrt{1-\alpha_t}\,\epsilon}{\sqrt{\alpha_t}} + \sqrt{1-\alpha_{t-1}}\,\epsilon$$ {check=sigma0-is-ddim}`,
    },
    zh: {
      title: '编程：q_σ 的均值',
      prompt: r`写出 [[qMean(x0, xt, alphaT, alphaPrev, sigma)]]，对标量返回 $q_\sigma(x_{t-1} \mid x_t, x_0)$ 的均值（式（7））。`,
      parts: { code: { label: '你的代码', starter: 'function qMean(x0, xt, alphaT, alphaPrev, sigma) {\n  // √α_{t−1} x0 + √(1 − α_{t−1} − σ²) · (xt − √α_t x0) / √(1 − α_t)\n  return 0;\n}\n' } },
      hints: [r`分式 $(x_t - \sqrt{\alpha_t}x_0)/\sqrt{1-\alpha_t}$ 就是从 $x_0$ 生成 $x_t$ 时用的那个噪声。`],
      solution: r`按式（7）逐项写出即可。若 $\sigma = 0$，且 $x_t$ 由 $x_0$ 和噪声 $\epsilon$ 生成，它恰好就是用真实的 $\epsilon$ 走一步确定性 DDIM：

$$\mathbb E_{\sigma = 0}[x_{t-1} \mid x_t, x_0] = \sqrt{\alpha_{t-1}}\,\frac{x_t - \sqrt{1-\alpha_t}\,\epsilon}{\sqrt{\alpha_t}} + \sqrt{1-\alpha_{t-1}}\,\epsilon$$ {check=sigma0-is-ddim}`,
    },
  },
};
