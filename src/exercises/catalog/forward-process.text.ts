/** Text of the "forward process" exercises (build time only). */
import type { Bilingual, ExerciseText } from '../types.ts';

const r = String.raw;

export const forwardProcessText: Record<string, Bilingual<ExerciseText>> = {
  'forward-process/alpha-from-betas': {
    en: {
      title: 'From β to DDIM’s α',
      prompt: r`A toy schedule has $\beta_1 = {{b1}}$, $\beta_2 = {{b2}}$, $\beta_3 = {{b3}}$. Compute $\alpha_3$ in the DDIM paper's notation.`,
      parts: { alpha3: { label: r`$\alpha_3 =$` } },
      hints: [r`In DDIM's notation $\alpha_t$ is DDPM's $\bar\alpha_t$: a product, not a single factor.`, r`$\alpha_3 = (1-\beta_1)(1-\beta_2)(1-\beta_3)$.`],
      solution: r`DDIM's $\alpha_t$ is the cumulative product $\prod_{s \le t}(1-\beta_s)$:

$$\alpha_3 = (1-\beta_1)(1-\beta_2)(1-\beta_3)$$ {check=product}

so $\alpha_3 = {{a3}}$.`,
      feedback: {
        ddpmOneStep: r`That is DDPM's one-step $\alpha_3 = 1-\beta_3$. The DDIM paper writes $\alpha_t$ for DDPM's $\bar\alpha_t$, the product over all steps up to $t$.`,
        sumOfBetas: r`$1 - \sum_s \beta_s$ is only a first-order approximation of the product; multiply the factors $1-\beta_s$.`,
      },
    },
    zh: {
      title: '从 β 到 DDIM 的 α',
      prompt: r`一个玩具调度取 $\beta_1 = {{b1}}$，$\beta_2 = {{b2}}$，$\beta_3 = {{b3}}$。按 DDIM 论文的记号计算 $\alpha_3$。`,
      parts: { alpha3: { label: r`$\alpha_3 =$` } },
      hints: [r`DDIM 记号下的 $\alpha_t$ 就是 DDPM 的 $\bar\alpha_t$：是连乘，不是单个因子。`, r`$\alpha_3 = (1-\beta_1)(1-\beta_2)(1-\beta_3)$。`],
      solution: r`DDIM 的 $\alpha_t$ 是累乘 $\prod_{s \le t}(1-\beta_s)$：

$$\alpha_3 = (1-\beta_1)(1-\beta_2)(1-\beta_3)$$ {check=product}

所以 $\alpha_3 = {{a3}}$。`,
      feedback: {
        ddpmOneStep: r`这是 DDPM 单步的 $\alpha_3 = 1-\beta_3$。DDIM 论文里的 $\alpha_t$ 指的是 DDPM 的 $\bar\alpha_t$，即到第 $t$ 步为止的连乘。`,
        sumOfBetas: r`$1 - \sum_s \beta_s$ 只是连乘的一阶近似；要把各个 $1-\beta_s$ 乘起来。`,
      },
    },
  },
  'forward-process/x0-from-xt': {
    en: {
      title: 'Recover x₀ from x_t and ε',
      prompt: r`Given $x_t = \sqrt{\alpha_t}\,x_0 + \sqrt{1-\alpha_t}\,\epsilon$, write $x_0$ in terms of $x_t$ ([[x_t]]), $\epsilon$ ([[eps]]) and $\alpha_t$ ([[a_t]]). This is the "predicted $x_0$" every DDIM step uses.`,
      parts: { x0: { label: r`$x_0 =$` } },
      hints: [r`Move the noise term to the left, then divide.`],
      solution: r`Solving for $x_0$ gives DDIM's eq. 9; plugging a forward sample back in returns the $x_0$ it came from:

$$\frac{\bigl(\sqrt{\alpha_t}\,x_0 + \sqrt{1-\alpha_t}\,\epsilon\bigr) - \sqrt{1-\alpha_t}\,\epsilon}{\sqrt{\alpha_t}} = x_0$$ {check=inverts-forward}

In the answer syntax: [[(x_t - sqrt(1 - a_t)*eps)/sqrt(a_t)]].`,
      feedback: {
        noRoots: r`The forward process scales by square roots: $\sqrt{\alpha_t}$ and $\sqrt{1-\alpha_t}$, not $\alpha_t$ and $1-\alpha_t$.`,
        signFlip: r`Moving $+\sqrt{1-\alpha_t}\,\epsilon$ to the other side changes its sign.`,
        multiplied: r`Divide by $\sqrt{\alpha_t}$ rather than multiply.`,
      },
    },
    zh: {
      title: '由 x_t 和 ε 求 x₀',
      prompt: r`已知 $x_t = \sqrt{\alpha_t}\,x_0 + \sqrt{1-\alpha_t}\,\epsilon$，用 $x_t$（[[x_t]]）、$\epsilon$（[[eps]]）和 $\alpha_t$（[[a_t]]）表示 $x_0$。DDIM 每一步用到的“预测的 $x_0$”就是它。`,
      parts: { x0: { label: r`$x_0 =$` } },
      hints: [r`先把噪声项移到左边，再做除法。`],
      solution: r`解出 $x_0$，就是 DDIM 的式（9）；把一个前向样本代回去，得到的正是原来的 $x_0$：

$$\frac{\bigl(\sqrt{\alpha_t}\,x_0 + \sqrt{1-\alpha_t}\,\epsilon\bigr) - \sqrt{1-\alpha_t}\,\epsilon}{\sqrt{\alpha_t}} = x_0$$ {check=inverts-forward}

按答题格式写作 [[(x_t - sqrt(1 - a_t)*eps)/sqrt(a_t)]]。`,
      feedback: {
        noRoots: r`前向过程的缩放系数带根号：是 $\sqrt{\alpha_t}$ 和 $\sqrt{1-\alpha_t}$，不是 $\alpha_t$ 和 $1-\alpha_t$。`,
        signFlip: r`把 $+\sqrt{1-\alpha_t}\,\epsilon$ 移到等号另一边时要变号。`,
        multiplied: r`应当除以 $\sqrt{\alpha_t}$，而不是乘。`,
      },
    },
  },
  'forward-process/snr': {
    en: {
      title: 'Signal-to-noise ratio',
      prompt: r`For $x_0 = 1$, $q(x_t \mid x_0)$ has mean $\sqrt{\alpha_t}$ and variance $1-\alpha_t$. The signal-to-noise ratio is the squared mean over the variance. Compute it for $\alpha_t = {{a}}$.`,
      parts: { snr: { label: r`$\mathrm{SNR} =$` } },
      hints: [r`Square the mean first.`],
      solution: r`$$\mathrm{SNR}(t) = \frac{(\sqrt{\alpha_t})^2}{1-\alpha_t} = \frac{\alpha_t}{1-\alpha_t}$$ {check=snr-moments}

Here $\mathrm{SNR} = {{snr}}$. It falls from $\infty$ at $t = 0$ to almost 0 at $t = T$.`,
      feedback: { inverted: r`That is the noise-to-signal ratio, $(1-\alpha_t)/\alpha_t$.` },
    },
    zh: {
      title: '信噪比',
      prompt: r`取 $x_0 = 1$，$q(x_t \mid x_0)$ 的均值为 $\sqrt{\alpha_t}$，方差为 $1-\alpha_t$。信噪比定义为均值的平方除以方差。求 $\alpha_t = {{a}}$ 时的信噪比。`,
      parts: { snr: { label: r`$\mathrm{SNR} =$` } },
      hints: [r`先把均值平方。`],
      solution: r`$$\mathrm{SNR}(t) = \frac{(\sqrt{\alpha_t})^2}{1-\alpha_t} = \frac{\alpha_t}{1-\alpha_t}$$ {check=snr-moments}

这里 $\mathrm{SNR} = {{snr}}$。它从 $t = 0$ 时的 $\infty$ 一路降到 $t = T$ 时接近 0。`,
      feedback: { inverted: r`这是噪信比 $(1-\alpha_t)/\alpha_t$，分子分母颠倒了。` },
    },
  },
  'forward-process/schedule-predict': {
    en: {
      title: 'Which schedule keeps the most signal?',
      prompt: r`At $t = {{t}}$ (of $T = 1000$), which $\beta$ schedule has the largest $\alpha_t$, i.e. leaves the most of $x_0$ in $x_t$? Predict, then run it (or open the chapter's widget, which plots $x_t$ for each schedule).`,
      parts: {
        schedule: {
          label: 'Prediction:',
          options: { linear: 'linear ($\\beta$ from $10^{-4}$ to $0.02$)', scaled_linear: 'scaled linear (linear in $\\sqrt\\beta$)', squaredcos_cap_v2: 'cosine (Nichol & Dhariwal)' },
        },
      },
      hints: [r`The cosine schedule was designed to destroy information more slowly in the middle of the process.`, r`The scaled-linear schedule's $\beta$ grows like a square, so it starts slowly too; compare both at the $t$ asked.`],
      solution: r`At $t = {{t}}$: linear $\alpha_t = {{al}}$, scaled linear $\alpha_t = {{as}}$, cosine $\alpha_t = {{ac}}$; the answer changes with $t$. The cosine schedule's $\alpha_t$ has a closed form, checked against the product of its $\beta$'s (away from the cap at the very end):

$$\prod_{s=1}^{t}(1-\beta_s) = \frac{\bar\alpha(t/T)}{\bar\alpha(0)},\qquad \bar\alpha(\tau) = \cos^2\Bigl(\frac{\tau + 0.008}{1.008}\cdot\frac{\pi}{2}\Bigr)$$ {check=cosine-closed-form}`,
      lab: {
        intro: r`$\alpha_t$ of the three schedules (the site's own schedule code, $T = 1000$).`,
        result: r`At $t = {{r.t}}$: linear $\alpha_t = {{r.linear}}$, scaled linear $\alpha_t = {{r.scaled}}$, cosine $\alpha_t = {{r.cosine}}$.`,
      },
    },
    zh: {
      title: '哪种调度保留的信号最多？',
      prompt: r`在 $t = {{t}}$（共 $T = 1000$ 步）时，哪种 $\beta$ 调度的 $\alpha_t$ 最大，也就是 $x_t$ 里保留的 $x_0$ 最多？先预测，再运行（也可以打开本章的交互组件，它会画出各调度下的 $x_t$）。`,
      parts: {
        schedule: {
          label: '你的预测：',
          options: { linear: '线性（$\\beta$ 从 $10^{-4}$ 到 $0.02$）', scaled_linear: '缩放线性（对 $\\sqrt\\beta$ 线性）', squaredcos_cap_v2: '余弦（Nichol 与 Dhariwal）' },
        },
      },
      hints: [r`余弦调度的设计初衷，就是让中段的信息损失得慢一些。`, r`缩放线性调度的 $\beta$ 按平方增长，开头也比较慢；在题目给的 $t$ 处比较两者。`],
      solution: r`$t = {{t}}$ 时：线性 $\alpha_t = {{al}}$，缩放线性 $\alpha_t = {{as}}$，余弦 $\alpha_t = {{ac}}$；答案随 $t$ 而变。余弦调度的 $\alpha_t$ 有闭式解，下式把它与 $\beta$ 的连乘做了比对（最末几步的 $\beta$ 被截断在上限处，不在比对范围内）：

$$\prod_{s=1}^{t}(1-\beta_s) = \frac{\bar\alpha(t/T)}{\bar\alpha(0)},\qquad \bar\alpha(\tau) = \cos^2\Bigl(\frac{\tau + 0.008}{1.008}\cdot\frac{\pi}{2}\Bigr)$$ {check=cosine-closed-form}`,
      lab: {
        intro: r`三种调度的 $\alpha_t$（用本站的调度代码计算，$T = 1000$）。`,
        result: r`$t = {{r.t}}$ 时：线性 $\alpha_t = {{r.linear}}$，缩放线性 $\alpha_t = {{r.scaled}}$，余弦 $\alpha_t = {{r.cosine}}$。`,
      },
    },
  },
  'forward-process/variance-numerically': {
    en: {
      title: 'Show numerically: the noise has variance 1 − α_t',
      prompt: r`With the linear schedule, $\alpha_{ {{t}} } = {{a}}$. Give the variance of $x_t - \sqrt{\alpha_t}\,x_0$ under $q(x_t \mid x_0)$, then check it on samples: run the experiment below (8-Gaussian ring data, the site's forward-process code) or the chapter's widget, for several $t$, $N$ and seeds.`,
      parts: {
        variance: { label: r`$\operatorname{Var}[x_t - \sqrt{\alpha_t}\,x_0] =$` },
        depends: { label: 'Does this variance depend on the data $x_0$?', options: { no: 'No: it is the same for any data.', yes: 'Yes: it grows with the spread of the data.' } },
      },
      hints: [r`$x_t - \sqrt{\alpha_t}\,x_0 = \sqrt{1-\alpha_t}\,\epsilon$ with $\epsilon \sim \mathcal N(0, I)$.`, r`The sample variance of $N$ draws has standard error about $\sigma^2\sqrt{2/N}$; expect the run to be off by about that much.`],
      solution: r`$x_t - \sqrt{\alpha_t}x_0 = \sqrt{1-\alpha_t}\,\epsilon$, so its variance is $1 - \alpha_t = {{v}}$, whatever $x_0$ is. Equivalently, for a fixed $x_0$ the second moment of $x_t$ splits into signal and noise:

$$\mathbb E[x_t^2 \mid x_0] = \alpha_t x_0^2 + (1-\alpha_t)$$ {check=second-moment}

The run's sample variance should lie within two or three standard errors of the theory.`,
      feedback: { alpha: r`That is $\alpha_t$, the signal's share. The noise's variance is $1-\alpha_t$.` },
      lab: {
        intro: r`The experiment noises the 8-Gaussian ring with the site's forward-process code and reports statistics of $x_t - \sqrt{\alpha_t}x_0$ over all coordinates.`,
        result: r`$t = {{r.t}}$, $ {{r.n}}$ coordinates: sample mean $ {{r.mean}}$ (theory 0), sample variance $ {{r.variance}}$ (theory $1-\alpha_t = {{r.theory}}$, standard error about $ {{r.se}}$).`,
      },
    },
    zh: {
      title: '数值验证：噪声的方差是 1 − α_t',
      prompt: r`线性调度下 $\alpha_{ {{t}} } = {{a}}$。写出 $q(x_t \mid x_0)$ 下 $x_t - \sqrt{\alpha_t}\,x_0$ 的方差，再用样本验证：运行下面的实验（数据是由 8 个高斯分布排成的圆环，用本站的前向过程代码），或者用本章的交互组件，多试几组 $t$、$N$ 和随机种子。`,
      parts: {
        variance: { label: r`$\operatorname{Var}[x_t - \sqrt{\alpha_t}\,x_0] =$` },
        depends: { label: '这个方差和数据 $x_0$ 有关吗？', options: { no: '无关：对任何数据都一样。', yes: '有关：数据越分散，方差越大。' } },
      },
      hints: [r`$x_t - \sqrt{\alpha_t}\,x_0 = \sqrt{1-\alpha_t}\,\epsilon$，其中 $\epsilon \sim \mathcal N(0, I)$。`, r`$N$ 个样本的样本方差，其标准误约为 $\sigma^2\sqrt{2/N}$；实验结果偏离理论值大致就是这个量级。`],
      solution: r`$x_t - \sqrt{\alpha_t}x_0 = \sqrt{1-\alpha_t}\,\epsilon$，所以方差是 $1 - \alpha_t = {{v}}$，与 $x_0$ 无关。换个角度看：固定 $x_0$ 时，$x_t$ 的二阶矩正好分成信号和噪声两部分：

$$\mathbb E[x_t^2 \mid x_0] = \alpha_t x_0^2 + (1-\alpha_t)$$ {check=second-moment}

实验得到的样本方差应当落在理论值的两三个标准误之内。`,
      feedback: { alpha: r`这是 $\alpha_t$，即信号所占的份额；噪声的方差是 $1-\alpha_t$。` },
      lab: {
        intro: r`实验用本站的前向过程代码给 8 高斯圆环数据加噪，并对所有坐标统计 $x_t - \sqrt{\alpha_t}x_0$。`,
        result: r`$t = {{r.t}}$，共 $ {{r.n}}$ 个坐标：样本均值 $ {{r.mean}}$（理论值 0），样本方差 $ {{r.variance}}$（理论值 $1-\alpha_t = {{r.theory}}$，标准误约 $ {{r.se}}$）。`,
      },
    },
  },
  'forward-process/alphas-code': {
    en: {
      title: 'Code: the cumulative α',
      prompt: r`Write [[alphaBar(betas)]]: given the array $\beta_1, \dots, \beta_T$, return the array $\alpha_0, \alpha_1, \dots, \alpha_T$ in DDIM's notation, with $\alpha_0 = 1$ (so it has one more entry than [[betas]]).`,
      parts: { code: { label: 'Your code', starter: 'function alphaBar(betas) {\n  // return [α_0 = 1, α_1, …, α_T]\n  return [1];\n}\n' } },
      hints: [r`Keep a running product and push it after each factor $1-\beta_s$.`],
      solution: r`A running product. For the linear schedule of DDPM it reproduces the site's $\alpha_t$:

$$\alpha_t = \prod_{s=1}^{t}\Bigl(1 - \beta_1 - \frac{(s-1)(\beta_T-\beta_1)}{T-1}\Bigr)$$ {check=linear-endpoint}`,
    },
    zh: {
      title: '编程：累乘的 α',
      prompt: r`写出 [[alphaBar(betas)]]：输入数组 $\beta_1, \dots, \beta_T$，返回 DDIM 记号下的数组 $\alpha_0, \alpha_1, \dots, \alpha_T$，其中 $\alpha_0 = 1$（所以比 [[betas]] 多一个元素）。`,
      parts: { code: { label: '你的代码', starter: 'function alphaBar(betas) {\n  // 返回 [α_0 = 1, α_1, …, α_T]\n  return [1];\n}\n' } },
      hints: [r`维护一个累乘变量，每乘上一个 $1-\beta_s$ 就把它追加到结果里。`],
      solution: r`维护一个累乘即可。对 DDPM 的线性调度，它给出的正是本站的 $\alpha_t$：

$$\alpha_t = \prod_{s=1}^{t}\Bigl(1 - \beta_1 - \frac{(s-1)(\beta_T-\beta_1)}{T-1}\Bigr)$$ {check=linear-endpoint}`,
    },
  },
};
