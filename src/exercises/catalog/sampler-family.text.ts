/** Text of the "sampler family" exercises (build time only). */
import type { Bilingual, ExerciseText } from '../types.ts';

const r = String.raw;

export const samplerFamilyText: Record<string, Bilingual<ExerciseText>> = {
  'sampler-family/sigma-eta': {
    en: {
      title: 'σ_t for a given η',
      prompt: r`Take $\alpha_t = {{aT}}$, $\alpha_{t-1} = {{aPrev}}$ (the paper's cumulative $\alpha$) and $\eta = {{eta}}$. Compute $\sigma_t(\eta)$ from eq. 16 to at least four significant digits.`,
      parts: { sigma: { label: r`$\sigma_t(\eta) =$` } },
      hints: [
        r`Eq. 16: $\sigma_t(\eta) = \eta\,\sqrt{(1-\alpha_{t-1})/(1-\alpha_t)}\,\sqrt{1-\alpha_t/\alpha_{t-1}}$.`,
        r`Both factors are square roots; $\eta$ multiplies $\sigma_t$, not $\sigma_t^2$.`,
      ],
      solution: r`With $\eta = 1$ the formula gives DDPM's posterior standard deviation $\sqrt{\tilde\beta_t}$, checked here over random $\alpha$'s:

$$\sigma_t(1)^2 = \frac{1-\alpha_{t-1}}{1-\alpha_t}\Bigl(1-\frac{\alpha_t}{\alpha_{t-1}}\Bigr) = \tilde\beta_t$$ {check=ddpm-limit}

Here $\sigma_t(1) = {{sigma1}}$, and $\sigma_t$ is linear in $\eta$, so $\sigma_t({{eta}}) = {{sigma}}$.`,
      feedback: {
        etaInsideRoot: r`That is $\sqrt{\eta}\,\sigma_t(1)$: you put $\eta$ under the square root. Eq. 16 multiplies the root by $\eta$.`,
        secondFactorNotRooted: r`The second factor is $\sqrt{1-\alpha_t/\alpha_{t-1}}$, a square root too.`,
      },
    },
    zh: {
      title: '给定 η 求 σ_t',
      prompt: r`取 $\alpha_t = {{aT}}$、$\alpha_{t-1} = {{aPrev}}$（论文记号，即累乘的 $\alpha$），$\eta = {{eta}}$。按式（16）计算 $\sigma_t(\eta)$，至少保留四位有效数字。`,
      parts: { sigma: { label: r`$\sigma_t(\eta) =$` } },
      hints: [
        r`式（16）：$\sigma_t(\eta) = \eta\,\sqrt{(1-\alpha_{t-1})/(1-\alpha_t)}\,\sqrt{1-\alpha_t/\alpha_{t-1}}$。`,
        r`两个因子都带根号；$\eta$ 乘的是 $\sigma_t$，不是 $\sigma_t^2$。`,
      ],
      solution: r`$\eta = 1$ 时，这个式子正好给出 DDPM 后验分布的标准差 $\sqrt{\tilde\beta_t}$（下式在随机抽取的 $\alpha$ 上做了数值验证）：

$$\sigma_t(1)^2 = \frac{1-\alpha_{t-1}}{1-\alpha_t}\Bigl(1-\frac{\alpha_t}{\alpha_{t-1}}\Bigr) = \tilde\beta_t$$ {check=ddpm-limit}

这里 $\sigma_t(1) = {{sigma1}}$；$\sigma_t$ 关于 $\eta$ 是线性的，所以 $\sigma_t({{eta}}) = {{sigma}}$。`,
      feedback: {
        etaInsideRoot: r`这是 $\sqrt{\eta}\,\sigma_t(1)$：你把 $\eta$ 放进了根号里。式（16）是用 $\eta$ 去乘整个根式。`,
        secondFactorNotRooted: r`第二个因子是 $\sqrt{1-\alpha_t/\alpha_{t-1}}$，同样要开根号。`,
      },
    },
  },
  'sampler-family/sigma-squared-formula': {
    en: {
      title: 'Write σ_t² in terms of η',
      prompt: r`Write the variance $\sigma_t^2$ of the DDIM family as a formula in $\alpha_t$ ([[a_t]]), $\alpha_{t-1}$ ([[a_prev]]) and $\eta$ ([[eta]]).`,
      parts: { sigma2: { label: r`$\sigma_t^2 =$` } },
      hints: [
        r`Start from eq. 16, which defines $\sigma_t$, and square it.`,
        r`Check your answer at $\eta = 1$: it must be DDPM's $\tilde\beta_t = \frac{1-\alpha_{t-1}}{1-\alpha_t}\beta_t$ with $\beta_t = 1 - \alpha_t/\alpha_{t-1}$.`,
      ],
      solution: r`Squaring eq. 16,

$$\sigma_t^2 = \eta^2\,\frac{1-\alpha_{t-1}}{1-\alpha_t}\Bigl(1-\frac{\alpha_t}{\alpha_{t-1}}\Bigr) = \frac{\eta^2(1-\alpha_{t-1})(\alpha_{t-1}-\alpha_t)}{(1-\alpha_t)\,\alpha_{t-1}}$$ {check=sigma2-expanded}

In the answer syntax: [[eta^2*(1-a_prev)/(1-a_t)*(1-a_t/a_prev)]].`,
      feedback: {
        etaNotSquared: r`This is the source notes' $\sigma_t^2 = \eta\cdot\frac{1-\alpha_{t-1}}{1-\alpha_t}(1-\frac{\alpha_t}{\alpha_{t-1}})$. It agrees with the paper only at $\eta = 0$ and $\eta = 1$: eq. 16 scales $\sigma_t$ by $\eta$, so $\sigma_t^2$ carries $\eta^2$.`,
        ratioInverted: r`The ratio is upside down: it is $(1-\alpha_{t-1})/(1-\alpha_t)$, which is below 1 because $\alpha_{t-1} > \alpha_t$.`,
      },
    },
    zh: {
      title: '用 η 写出 σ_t²',
      prompt: r`把 DDIM 族的方差 $\sigma_t^2$ 写成 $\alpha_t$（[[a_t]]）、$\alpha_{t-1}$（[[a_prev]]）和 $\eta$（[[eta]]）的表达式。`,
      parts: { sigma2: { label: r`$\sigma_t^2 =$` } },
      hints: [
        r`式（16）定义的是 $\sigma_t$，把它平方即可。`,
        r`用 $\eta = 1$ 检验：结果应当是 DDPM 的 $\tilde\beta_t = \frac{1-\alpha_{t-1}}{1-\alpha_t}\beta_t$，其中 $\beta_t = 1 - \alpha_t/\alpha_{t-1}$。`,
      ],
      solution: r`把式（16）两边平方：

$$\sigma_t^2 = \eta^2\,\frac{1-\alpha_{t-1}}{1-\alpha_t}\Bigl(1-\frac{\alpha_t}{\alpha_{t-1}}\Bigr) = \frac{\eta^2(1-\alpha_{t-1})(\alpha_{t-1}-\alpha_t)}{(1-\alpha_t)\,\alpha_{t-1}}$$ {check=sigma2-expanded}

按答题格式写作 [[eta^2*(1-a_prev)/(1-a_t)*(1-a_t/a_prev)]]。`,
      feedback: {
        etaNotSquared: r`这正是原笔记里的 $\sigma_t^2 = \eta\cdot\frac{1-\alpha_{t-1}}{1-\alpha_t}(1-\frac{\alpha_t}{\alpha_{t-1}})$。它只在 $\eta = 0$ 和 $\eta = 1$ 时与论文一致：式（16）是用 $\eta$ 缩放 $\sigma_t$，所以 $\sigma_t^2$ 里应是 $\eta^2$。`,
        ratioInverted: r`比值写反了：应为 $(1-\alpha_{t-1})/(1-\alpha_t)$，由于 $\alpha_{t-1} > \alpha_t$，它小于 1。`,
      },
    },
  },
  'sampler-family/update-formula': {
    en: {
      title: 'The update of eq. 12',
      prompt: r`Write one step of the generalised sampler, $x_{t-1}$, in terms of $x_t$ ([[x_t]]), the predicted noise $\epsilon_\theta(x_t)$ ([[eps]]), fresh noise $z \sim \mathcal N(0, I)$ ([[z]]), $\alpha_t$ ([[a_t]]), $\alpha_{t-1}$ ([[a_prev]]) and $\sigma_t$ ([[sigma]], meaning $\sigma_t(\eta)$; you may also use [[eta]]).`,
      parts: { update: { label: r`$x_{t-1} =$` } },
      hints: [
        r`Three terms: the predicted $x_0$ scaled to level $t-1$, the "direction pointing to $x_t$", and the random noise.`,
        r`The predicted $x_0$ is $(x_t - \sqrt{1-\alpha_t}\,\epsilon)/\sqrt{\alpha_t}$; the direction term has variance $1-\alpha_{t-1}-\sigma_t^2$.`,
        r`The noise term is a standard normal times a standard deviation.`,
      ],
      solution: r`Eq. 12:

$$x_{t-1} = \sqrt{\alpha_{t-1}}\,\frac{x_t - \sqrt{1-\alpha_t}\,\epsilon_\theta(x_t)}{\sqrt{\alpha_t}} + \sqrt{1-\alpha_{t-1}-\sigma_t^2}\,\epsilon_\theta(x_t) + \sigma_t z$$

With $\eta = 0$ the noise drops out and the step is deterministic:

$$x_{t-1}\big|_{\sigma_t = 0} = \sqrt{\alpha_{t-1}}\,\frac{x_t - \sqrt{1-\alpha_t}\,\epsilon}{\sqrt{\alpha_t}} + \sqrt{1-\alpha_{t-1}}\,\epsilon$$ {check=eta0-deterministic}`,
      feedback: {
        sigmaSquaredNoise: r`Is $\sigma$ squared twice? The noise term is $\sigma_t z$: $\sigma_t$ is a standard deviation. The source notes write $\sigma_t^2\epsilon_t$ here, which only agrees when $\sigma_t = 0$.`,
        directionWithoutSigma: r`The direction term must leave room for the noise: its variance is $1-\alpha_{t-1}-\sigma_t^2$, not $1-\alpha_{t-1}$. With $\sigma_t = 0$ the two agree, which is why it matches at $\eta = 0$.`,
        alphaNotRooted: r`The predicted $x_0$ is scaled by $\sqrt{\alpha_{t-1}}$ and divided by $\sqrt{\alpha_t}$: means scale with square roots of $\alpha$.`,
      },
    },
    zh: {
      title: '式（12）的更新式',
      prompt: r`写出广义采样器的一步 $x_{t-1}$。可用的量有：$x_t$（[[x_t]]）、预测噪声 $\epsilon_\theta(x_t)$（[[eps]]）、新采的噪声 $z \sim \mathcal N(0, I)$（[[z]]）、$\alpha_t$（[[a_t]]）、$\alpha_{t-1}$（[[a_prev]]）以及 $\sigma_t$（[[sigma]]，即 $\sigma_t(\eta)$；也可以直接用 [[eta]]）。`,
      parts: { update: { label: r`$x_{t-1} =$` } },
      hints: [
        r`一共三项：缩放到 $t-1$ 时刻的预测 $x_0$、“指向 $x_t$ 的方向”项，以及随机噪声项。`,
        r`预测的 $x_0$ 是 $(x_t - \sqrt{1-\alpha_t}\,\epsilon)/\sqrt{\alpha_t}$；方向项的方差是 $1-\alpha_{t-1}-\sigma_t^2$。`,
        r`噪声项是一个标准正态变量乘上标准差。`,
      ],
      solution: r`式（12）：

$$x_{t-1} = \sqrt{\alpha_{t-1}}\,\frac{x_t - \sqrt{1-\alpha_t}\,\epsilon_\theta(x_t)}{\sqrt{\alpha_t}} + \sqrt{1-\alpha_{t-1}-\sigma_t^2}\,\epsilon_\theta(x_t) + \sigma_t z$$

$\eta = 0$ 时噪声项消失，这一步是确定性的：

$$x_{t-1}\big|_{\sigma_t = 0} = \sqrt{\alpha_{t-1}}\,\frac{x_t - \sqrt{1-\alpha_t}\,\epsilon}{\sqrt{\alpha_t}} + \sqrt{1-\alpha_{t-1}}\,\epsilon$$ {check=eta0-deterministic}`,
      feedback: {
        sigmaSquaredNoise: r`$\sigma$ 是不是被平方了两次？噪声项应是 $\sigma_t z$，$\sigma_t$ 本身就是标准差。原笔记这里写成了 $\sigma_t^2\epsilon_t$，只在 $\sigma_t = 0$ 时才对。`,
        directionWithoutSigma: r`方向项要给噪声项“让出”方差：它的方差是 $1-\alpha_{t-1}-\sigma_t^2$，而不是 $1-\alpha_{t-1}$。$\sigma_t = 0$ 时两者相同，所以你的答案在 $\eta = 0$ 处能对上。`,
        alphaNotRooted: r`预测的 $x_0$ 要乘 $\sqrt{\alpha_{t-1}}$、除以 $\sqrt{\alpha_t}$：均值按 $\alpha$ 的平方根缩放。`,
      },
    },
  },
  'sampler-family/ddpm-eps-coefficient': {
    en: {
      title: 'η = 1 is DDPM: the coefficient of ε',
      prompt: r`With $\eta = 1$, collect all the $\epsilon_\theta(x_t)$ terms of eq. 12 into one coefficient. Compute it for $\alpha_t = {{aT}}$ and $\alpha_{t-1} = {{aPrev}}$.`,
      parts: { coef: { label: r`coefficient of $\epsilon_\theta(x_t)$ $=$` } },
      hints: [
        r`$\epsilon$ appears twice: inside the predicted $x_0$, with coefficient $-\sqrt{\alpha_{t-1}}\sqrt{1-\alpha_t}/\sqrt{\alpha_t}$, and in the direction term, with $\sqrt{1-\alpha_{t-1}-\sigma_t^2}$.`,
        r`First compute $\sigma_t(1)^2 = \frac{1-\alpha_{t-1}}{1-\alpha_t}(1-\frac{\alpha_t}{\alpha_{t-1}})$.`,
      ],
      solution: r`Here $\sigma_t(1) = {{sigma}}$ and the coefficient is $ {{coef}}$. It equals DDPM's $-\beta_t/(\sqrt{1-\beta_t}\sqrt{1-\bar\alpha_t})$ with $\beta_t = 1-\alpha_t/\alpha_{t-1} = {{beta}}$ (DDPM eq. 11; in DDPM's notation $\bar\alpha_t$ is our $\alpha_t$):

$$-\frac{\sqrt{\alpha_{t-1}}\sqrt{1-\alpha_t}}{\sqrt{\alpha_t}} + \sqrt{1-\alpha_{t-1}-\sigma_t(1)^2} = -\frac{\beta_t}{\sqrt{1-\beta_t}\,\sqrt{1-\alpha_t}}$$ {check=ddpm-eps-coefficient}`,
      feedback: {
        sigmaZero: r`That is the coefficient with $\sigma_t = 0$ (deterministic DDIM). At $\eta = 1$ the direction term shrinks to $\sqrt{1-\alpha_{t-1}-\sigma_t(1)^2}$.`,
        directionOnly: r`That is only the direction term. $\epsilon$ also enters through the predicted $x_0$.`,
      },
    },
    zh: {
      title: 'η = 1 即 DDPM：ε 的系数',
      prompt: r`取 $\eta = 1$，把式（12）中所有 $\epsilon_\theta(x_t)$ 项合并成一个系数。对 $\alpha_t = {{aT}}$、$\alpha_{t-1} = {{aPrev}}$ 算出这个系数。`,
      parts: { coef: { label: r`$\epsilon_\theta(x_t)$ 的系数 $=$` } },
      hints: [
        r`$\epsilon$ 出现了两次：一次藏在预测的 $x_0$ 里，系数为 $-\sqrt{\alpha_{t-1}}\sqrt{1-\alpha_t}/\sqrt{\alpha_t}$；一次在方向项里，系数为 $\sqrt{1-\alpha_{t-1}-\sigma_t^2}$。`,
        r`先算 $\sigma_t(1)^2 = \frac{1-\alpha_{t-1}}{1-\alpha_t}(1-\frac{\alpha_t}{\alpha_{t-1}})$。`,
      ],
      solution: r`这里 $\sigma_t(1) = {{sigma}}$，系数为 $ {{coef}}$。它等于 DDPM 的 $-\beta_t/(\sqrt{1-\beta_t}\sqrt{1-\bar\alpha_t})$，其中 $\beta_t = 1-\alpha_t/\alpha_{t-1} = {{beta}}$（DDPM 式（11）；DDPM 记号里的 $\bar\alpha_t$ 就是这里的 $\alpha_t$）：

$$-\frac{\sqrt{\alpha_{t-1}}\sqrt{1-\alpha_t}}{\sqrt{\alpha_t}} + \sqrt{1-\alpha_{t-1}-\sigma_t(1)^2} = -\frac{\beta_t}{\sqrt{1-\beta_t}\,\sqrt{1-\alpha_t}}$$ {check=ddpm-eps-coefficient}`,
      feedback: {
        sigmaZero: r`这是 $\sigma_t = 0$（确定性 DDIM）时的系数。$\eta = 1$ 时方向项缩小为 $\sqrt{1-\alpha_{t-1}-\sigma_t(1)^2}$。`,
        directionOnly: r`这只是方向项的系数。$\epsilon$ 还通过预测的 $x_0$ 进入了更新式。`,
      },
    },
  },
  'sampler-family/sigma-hat-ratio': {
    en: {
      title: 'How much larger is σ̂?',
      prompt: r`Table 1 of the paper also uses $\hat\sigma_t = \sqrt{1-\alpha_t/\alpha_{t-1}}$, the larger variance. For $\alpha_t = {{aT}}$ and $\alpha_{t-1} = {{aPrev}}$, compute the ratio $\hat\sigma_t / \sigma_t(1)$.`,
      parts: { ratio: { label: r`$\hat\sigma_t/\sigma_t(1) =$` } },
      hints: [
        r`Divide the two formulas before plugging in numbers: most factors cancel.`,
        r`$\sigma_t(1) = \sqrt{\frac{1-\alpha_{t-1}}{1-\alpha_t}}\,\hat\sigma_t$.`,
      ],
      solution: r`The common factor $\sqrt{1-\alpha_t/\alpha_{t-1}}$ cancels:

$$\frac{\hat\sigma_t}{\sigma_t(1)} = \sqrt{\frac{1-\alpha_t}{1-\alpha_{t-1}}}$$ {check=sigma-hat-ratio}

so the ratio is $ {{ratio}}$. It is always above 1, and largest at the last steps, where $\alpha_{t-1}$ is close to 1.`,
      feedback: { inverted: r`You computed $\sigma_t(1)/\hat\sigma_t$; the question asks for the inverse. $\hat\sigma_t$ is the larger one.` },
    },
    zh: {
      title: 'σ̂ 大多少？',
      prompt: r`论文表 1 还用了 $\hat\sigma_t = \sqrt{1-\alpha_t/\alpha_{t-1}}$，即更大的那个方差。对 $\alpha_t = {{aT}}$、$\alpha_{t-1} = {{aPrev}}$，计算比值 $\hat\sigma_t / \sigma_t(1)$。`,
      parts: { ratio: { label: r`$\hat\sigma_t/\sigma_t(1) =$` } },
      hints: [r`先把两个式子相除，再代入数值，大部分因子会约掉。`, r`$\sigma_t(1) = \sqrt{\frac{1-\alpha_{t-1}}{1-\alpha_t}}\,\hat\sigma_t$。`],
      solution: r`公共因子 $\sqrt{1-\alpha_t/\alpha_{t-1}}$ 约去后：

$$\frac{\hat\sigma_t}{\sigma_t(1)} = \sqrt{\frac{1-\alpha_t}{1-\alpha_{t-1}}}$$ {check=sigma-hat-ratio}

所以比值为 $ {{ratio}}$。它总大于 1，并且在采样的最后几步（$\alpha_{t-1}$ 接近 1 时）最大。`,
      feedback: { inverted: r`你算的是 $\sigma_t(1)/\hat\sigma_t$，题目要的是它的倒数；$\hat\sigma_t$ 才是较大的那个。` },
    },
  },
  'sampler-family/eta-zero-predict': {
    en: {
      title: 'Same x_T, different noise seeds',
      prompt: r`Run the sampler twice from the same $x_T$ (200 points, exact $\epsilon^*$ for a two-bump 1D mixture), with $\eta = 0$ and two different seeds for the fresh noise $z$. Predict how far apart the two sets of final samples are, then run it. Try $\eta = 0.5$ afterwards.`,
      parts: {
        prediction: {
          label: 'Prediction:',
          options: {
            identical: r`identical (difference exactly 0)`,
            close: r`close but not equal (differences around $10^{-3}$)`,
            different: r`clearly different (differences of order 1)`,
          },
        },
      },
      hints: [r`Where does $z$ enter eq. 12, and what multiplies it?`],
      solution: r`At $\eta = 0$ every $\sigma_t = 0$, so $z$ is multiplied by zero at every step; the map $x_T \mapsto x_0$ is deterministic and the two runs agree exactly. The check: with $\sigma_t(0)$ the step does not depend on $z$ at all,

$$x_{t-1}(\sigma_t(0), z) = x_{t-1}(0, 0)$$ {check=eta0-noise-free}

With $\eta > 0$ the noise seeds matter and the final samples differ by amounts of order 1 (they are different samples of the same distribution).`,
      lab: {
        intro: r`The run uses the exact $\epsilon^*$ and eq. 12 from the site's own code (float64).`,
        result: r`$\eta = {{r.eta}}$, $S = {{r.S}}$ steps: largest difference between the two runs $= {{r.diff}}$.`,
      },
    },
    zh: {
      title: '同一个 x_T，不同的噪声种子',
      prompt: r`从同一个 $x_T$ 出发运行两次采样（200 个点，一维双峰混合分布的精确 $\epsilon^*$），$\eta = 0$，新噪声 $z$ 用两个不同的随机种子。先预测两组最终样本相差多少，再运行验证。之后再试试 $\eta = 0.5$。`,
      parts: {
        prediction: {
          label: '你的预测：',
          options: {
            identical: r`完全相同（差为 0）`,
            close: r`很接近但不相等（差在 $10^{-3}$ 量级）`,
            different: r`明显不同（差在 1 的量级）`,
          },
        },
      },
      hints: [r`$z$ 出现在式（12）的哪一项？它前面乘的是什么？`],
      solution: r`$\eta = 0$ 时每一步的 $\sigma_t$ 都是 0，$z$ 始终乘以零，$x_T \mapsto x_0$ 是确定性映射，两次结果完全一致。验证：取 $\sigma_t(0)$ 时，更新式与 $z$ 完全无关：

$$x_{t-1}(\sigma_t(0), z) = x_{t-1}(0, 0)$$ {check=eta0-noise-free}

$\eta > 0$ 时噪声种子起作用，最终样本相差 1 的量级（它们是同一分布的不同样本）。`,
      lab: {
        intro: r`运行的是本站自己的代码：精确的 $\epsilon^*$ 加式（12），以 float64 计算。`,
        result: r`$\eta = {{r.eta}}$，$S = {{r.S}}$ 步：两次运行的最大差值 $= {{r.diff}}$。`,
      },
    },
  },
  'sampler-family/sigma-code': {
    en: {
      title: 'Code: σ_t(η)',
      prompt: r`Write a JavaScript function [[sigma(alphaT, alphaPrev, eta)]] that returns $\sigma_t(\eta)$ of eq. 16. It is tested against the site's implementation on random valid inputs (including $\eta = 0$ and $\eta = 1$).`,
      parts: { code: { label: 'Your code', starter: 'function sigma(alphaT, alphaPrev, eta) {\n  // σ_t(η) = η · √((1 − α_{t−1}) / (1 − α_t)) · √(1 − α_t / α_{t−1})\n  return 0;\n}\n' } },
      hints: [r`[[Math.sqrt]] is the square root.`, r`Multiply $\eta$ by two square roots.`],
      solution: r`One line per factor of eq. 16. At $\eta = 1$ its square is DDPM's $\tilde\beta_t$:

$$\sigma_t(1)^2 = \frac{1-\alpha_{t-1}}{1-\alpha_t}\Bigl(1-\frac{\alpha_t}{\alpha_{t-1}}\Bigr)$$ {check=sigma-eta1-is-ddpm}`,
    },
    zh: {
      title: '编程：σ_t(η)',
      prompt: r`写一个 JavaScript 函数 [[sigma(alphaT, alphaPrev, eta)]]，返回式（16）的 $\sigma_t(\eta)$。测试会在随机的合法输入上（包括 $\eta = 0$ 和 $\eta = 1$）与本站的实现对比。`,
      parts: { code: { label: '你的代码', starter: 'function sigma(alphaT, alphaPrev, eta) {\n  // σ_t(η) = η · √((1 − α_{t−1}) / (1 − α_t)) · √(1 − α_t / α_{t−1})\n  return 0;\n}\n' } },
      hints: [r`开平方用 [[Math.sqrt]]。`, r`$\eta$ 乘以两个平方根。`],
      solution: r`按式（16）把两个因子各写一行即可。$\eta = 1$ 时它的平方就是 DDPM 的 $\tilde\beta_t$：

$$\sigma_t(1)^2 = \frac{1-\alpha_{t-1}}{1-\alpha_t}\Bigl(1-\frac{\alpha_t}{\alpha_{t-1}}\Bigr)$$ {check=sigma-eta1-is-ddpm}`,
    },
  },
  'sampler-family/ddim-step-code': {
    en: {
      title: 'Code: one DDIM step',
      prompt: r`Write [[ddimStep(xt, eps, alphaT, alphaPrev, eta, z)]] returning $x_{t-1}$ of eq. 12 for scalars, with $\sigma_t = \sigma_t(\eta)$ and fresh noise [[z]]. It is compared with the site's step on random inputs.`,
      parts: { code: { label: 'Your code', starter: 'function ddimStep(xt, eps, alphaT, alphaPrev, eta, z) {\n  // 1. predicted x0   2. sigma_t(eta)   3. eq. 12\n  return xt;\n}\n' } },
      hints: [r`Compute the predicted $x_0 = (x_t - \sqrt{1-\alpha_t}\,\epsilon)/\sqrt{\alpha_t}$ first.`, r`Then $\sigma_t(\eta)$, then the three terms of eq. 12.`],
      solution: r`Predicted $x_0$, $\sigma_t(\eta)$, then eq. 12. At $\eta = 1$ the step's mean is DDPM's posterior mean (DDPM eq. 11):

$$\sqrt{\alpha_{t-1}}\,\hat x_0 + \sqrt{1-\alpha_{t-1}-\sigma_t(1)^2}\,\epsilon = \frac{1}{\sqrt{1-\beta_t}}\Bigl(x_t - \frac{\beta_t}{\sqrt{1-\alpha_t}}\,\epsilon\Bigr)$$ {check=step-eta1-mean-is-ddpm}`,
    },
    zh: {
      title: '编程：一步 DDIM',
      prompt: r`写出 [[ddimStep(xt, eps, alphaT, alphaPrev, eta, z)]]，对标量返回式（12）的 $x_{t-1}$，其中 $\sigma_t = \sigma_t(\eta)$，新噪声为 [[z]]。测试会在随机输入上与本站的实现对比。`,
      parts: { code: { label: '你的代码', starter: 'function ddimStep(xt, eps, alphaT, alphaPrev, eta, z) {\n  // 1. 预测 x0   2. sigma_t(eta)   3. 公式 (12)\n  return xt;\n}\n' } },
      hints: [r`先算预测的 $x_0 = (x_t - \sqrt{1-\alpha_t}\,\epsilon)/\sqrt{\alpha_t}$。`, r`再算 $\sigma_t(\eta)$，最后是式（12）的三项。`],
      solution: r`依次算出预测的 $x_0$、$\sigma_t(\eta)$，再代入式（12）。$\eta = 1$ 时这一步的均值就是 DDPM 的后验均值（DDPM 式（11））：

$$\sqrt{\alpha_{t-1}}\,\hat x_0 + \sqrt{1-\alpha_{t-1}-\sigma_t(1)^2}\,\epsilon = \frac{1}{\sqrt{1-\beta_t}}\Bigl(x_t - \frac{\beta_t}{\sqrt{1-\alpha_t}}\,\epsilon\Bigr)$$ {check=step-eta1-mean-is-ddpm}`,
    },
  },
};
