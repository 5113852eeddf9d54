/** Text of the "n-step jump" exercises (build time only). */
import type { Bilingual, ExerciseText } from '../types.ts';

const r = String.raw;

const c1 = r`c_1 = \sqrt{\tfrac{1-\alpha_{t-n-1}}{1-\alpha_{t-n}}}`;
const lines = {
  l1: r`(1) $\mu_{t-n-1} = \int \mathbb E\bigl[q_\sigma(x_{t-n-1} \mid x_{t-n}, x_0)\bigr]\; q_\sigma(x_{t-n} \mid x_t, x_0)\, dx_{t-n}$`,
  l2: r`(2) $\phantom{\mu_{t-n-1}} = \int \bigl(c_1 x_{t-n} + c_2 x_0\bigr)\; q_\sigma(x_{t-n} \mid x_t, x_0)\, dx_{t-n}$`,
  l3: r`(3) $\phantom{\mu_{t-n-1}} = c_1 \int q_\sigma(x_{t-n} \mid x_t, x_0)\, dx_{t-n} + c_2 x_0$`,
  l4: r`(4) $\phantom{\mu_{t-n-1}} = c_1\, \mathbb E\bigl[q_\sigma(x_{t-n} \mid x_t, x_0)\bigr] + c_2 x_0$`,
};

export const nStepJumpText: Record<string, Bilingual<ExerciseText>> = {
  'n-step-jump/xt-coefficient': {
    en: {
      title: 'The jump’s coefficient of x_t',
      prompt: r`With $\sigma = 0$ the jump from $t$ to $t-n$ is $x_{t-n} = \sqrt{\alpha_{t-n}}\,\hat x_0 + \sqrt{1-\alpha_{t-n}}\,z_t$ with $\hat x_0 = (x_t - \sqrt{1-\alpha_t}\,z_t)/\sqrt{\alpha_t}$. Expanded, $x_{t-n}$ is linear in $x_t$ and $z_t$. Give the coefficient of $x_t$ in terms of $\alpha_t$ ([[a_t]]) and $\alpha_{t-n}$ ([[a_tn]]).`,
      parts: { c: { label: r`coefficient of $x_t$ $=$` } },
      hints: [r`$x_t$ only enters through $\hat x_0$.`],
      solution: r`$x_t$ enters through $\sqrt{\alpha_{t-n}}\,\hat x_0$ only, so its coefficient is $\sqrt{\alpha_{t-n}}/\sqrt{\alpha_t}$. Because $\hat x_0$ and $z_t$ are kept along the way, a jump equals the chain of smaller jumps (here checked for $t \to s \to t-n$):

$$x_{t-n}\bigl(x_{s}(x_t)\bigr) = x_{t-n}(x_t)$$ {check=jump-is-chain}`,
      feedback: {
        notRooted: r`Signals scale with $\sqrt{\alpha}$: the ratio needs a square root.`,
        inverted: r`Upside down: going from $t$ to $t-n$ the signal grows ($\alpha_{t-n} > \alpha_t$), so the coefficient exceeds 1.`,
      },
    },
    zh: {
      title: '跳跃公式中 x_t 的系数',
      prompt: r`$\sigma = 0$ 时从 $t$ 跳到 $t-n$：$x_{t-n} = \sqrt{\alpha_{t-n}}\,\hat x_0 + \sqrt{1-\alpha_{t-n}}\,z_t$，其中 $\hat x_0 = (x_t - \sqrt{1-\alpha_t}\,z_t)/\sqrt{\alpha_t}$。展开后，$x_{t-n}$ 是 $x_t$ 和 $z_t$ 的线性组合。用 $\alpha_t$（[[a_t]]）和 $\alpha_{t-n}$（[[a_tn]]）写出 $x_t$ 的系数。`,
      parts: { c: { label: r`$x_t$ 的系数 $=$` } },
      hints: [r`$x_t$ 只出现在 $\hat x_0$ 里。`],
      solution: r`$x_t$ 只出现在 $\sqrt{\alpha_{t-n}}\,\hat x_0$ 这一项里，系数为 $\sqrt{\alpha_{t-n}}/\sqrt{\alpha_t}$。由于一路上 $\hat x_0$ 和 $z_t$ 都保持不变，一次大跳等于接连几次小跳（这里验证的是 $t \to s \to t-n$）：

$$x_{t-n}\bigl(x_{s}(x_t)\bigr) = x_{t-n}(x_t)$$ {check=jump-is-chain}`,
      feedback: {
        notRooted: r`信号按 $\sqrt{\alpha}$ 缩放，比值要开根号。`,
        inverted: r`写反了：从 $t$ 到 $t-n$ 信号变强（$\alpha_{t-n} > \alpha_t$），系数应大于 1。`,
      },
    },
  },
  'n-step-jump/z-coefficient': {
    en: {
      title: 'The jump’s coefficient of z_t',
      prompt: r`Same jump. Give the coefficient of $z_t$ in $x_{t-n}$, in terms of [[a_t]] and [[a_tn]].`,
      parts: { c: { label: r`coefficient of $z_t$ $=$` } },
      hints: [r`$z_t$ appears twice: inside $\hat x_0$ and in the direction term.`],
      solution: r`Collecting both appearances,

$$x_{t-n} = \frac{\sqrt{\alpha_{t-n}}}{\sqrt{\alpha_t}}\,x_t + \Bigl(\sqrt{1-\alpha_{t-n}} - \frac{\sqrt{\alpha_{t-n}}\sqrt{1-\alpha_t}}{\sqrt{\alpha_t}}\Bigr) z_t$$ {check=linear-in-xt-and-z}`,
      feedback: {
        directionOnly: r`That is only the direction term; $z_t$ is also inside $\hat x_0$, with a minus sign.`,
        x0Only: r`That is only the part from $\hat x_0$; add the direction term $\sqrt{1-\alpha_{t-n}}$.`,
      },
    },
    zh: {
      title: '跳跃公式中 z_t 的系数',
      prompt: r`还是同一次跳跃。用 [[a_t]] 和 [[a_tn]] 写出 $x_{t-n}$ 中 $z_t$ 的系数。`,
      parts: { c: { label: r`$z_t$ 的系数 $=$` } },
      hints: [r`$z_t$ 出现了两次：一次在 $\hat x_0$ 里，一次在方向项里。`],
      solution: r`把两处合并：

$$x_{t-n} = \frac{\sqrt{\alpha_{t-n}}}{\sqrt{\alpha_t}}\,x_t + \Bigl(\sqrt{1-\alpha_{t-n}} - \frac{\sqrt{\alpha_{t-n}}\sqrt{1-\alpha_t}}{\sqrt{\alpha_t}}\Bigr) z_t$$ {check=linear-in-xt-and-z}`,
      feedback: {
        directionOnly: r`这只是方向项的部分；$\hat x_0$ 里也含有 $z_t$，而且带负号。`,
        x0Only: r`这只是来自 $\hat x_0$ 的部分，还要加上方向项的 $\sqrt{1-\alpha_{t-n}}$。`,
      },
    },
  },
  'n-step-jump/jump-compute': {
    en: {
      title: 'One jump, by hand',
      prompt: r`Take $\alpha_t = {{aT}}$, $\alpha_{t-n} = {{aTn}}$, $x_t = {{xt}}$ and the predicted noise $z_t = {{z}}$. Compute $x_{t-n}$ for $\sigma = 0$.`,
      parts: { x: { label: r`$x_{t-n} =$` } },
      hints: [r`First $\hat x_0 = (x_t - \sqrt{1-\alpha_t}\,z_t)/\sqrt{\alpha_t}$.`, r`Then $x_{t-n} = \sqrt{\alpha_{t-n}}\,\hat x_0 + \sqrt{1-\alpha_{t-n}}\,z_t$.`],
      solution: r`$\hat x_0 = {{x0}}$ and $x_{t-n} = {{jump}}$. The jump keeps both $z_t$ and $\hat x_0$: predicting $x_0$ again from $x_{t-n}$ with the same $z_t$ gives the same $\hat x_0$,

$$\frac{x_{t-n} - \sqrt{1-\alpha_{t-n}}\,z_t}{\sqrt{\alpha_{t-n}}} = \frac{x_t - \sqrt{1-\alpha_t}\,z_t}{\sqrt{\alpha_t}}$$ {check=keeps-x0hat}`,
      feedback: {
        x0hat: r`That is $\hat x_0$, the first half of the computation. Now scale it to level $t-n$ and add the direction term.`,
        noiseNotRooted: r`The direction term is $\sqrt{1-\alpha_{t-n}}\,z_t$, with a square root.`,
      },
    },
    zh: {
      title: '手算一次跳跃',
      prompt: r`取 $\alpha_t = {{aT}}$，$\alpha_{t-n} = {{aTn}}$，$x_t = {{xt}}$，预测噪声 $z_t = {{z}}$。计算 $\sigma = 0$ 时的 $x_{t-n}$。`,
      parts: { x: { label: r`$x_{t-n} =$` } },
      hints: [r`先算 $\hat x_0 = (x_t - \sqrt{1-\alpha_t}\,z_t)/\sqrt{\alpha_t}$。`, r`再算 $x_{t-n} = \sqrt{\alpha_{t-n}}\,\hat x_0 + \sqrt{1-\alpha_{t-n}}\,z_t$。`],
      solution: r`$\hat x_0 = {{x0}}$，$x_{t-n} = {{jump}}$。跳跃前后 $z_t$ 和 $\hat x_0$ 都不变：用同一个 $z_t$ 从 $x_{t-n}$ 再预测一次 $x_0$，得到的还是原来的 $\hat x_0$：

$$\frac{x_{t-n} - \sqrt{1-\alpha_{t-n}}\,z_t}{\sqrt{\alpha_{t-n}}} = \frac{x_t - \sqrt{1-\alpha_t}\,z_t}{\sqrt{\alpha_t}}$$ {check=keeps-x0hat}`,
      feedback: {
        x0hat: r`这是 $\hat x_0$，只完成了前一半。接下来还要把它缩放到 $t-n$ 时刻的水平，再加上方向项。`,
        noiseNotRooted: r`方向项是 $\sqrt{1-\alpha_{t-n}}\,z_t$，要开根号。`,
      },
    },
  },
  'n-step-jump/integral-find-error': {
    en: {
      title: 'Find the error: the notes’ induction',
      prompt: r`The source notes prove the jump by induction on $n$. The mean of $q_\sigma(x_{t-n-1} \mid x_t, x_0)$ is computed as below, with $${c1}$ and $c_2$ the coefficient of $x_0$ (σ = 0). One line does not follow from the one before. (Lines (1) and (4) keep the notes' $\mathbb E[q_\sigma(\cdot)]$, meaning the mean of that distribution, $\mathbb E[x \mid \dots]$; that notation slip is listed in the errata and is not the line meant here.)`,
      parts: {
        line: { label: 'Which line is wrong?', options: lines },
        integral: { label: r`As written, what does $\int q_\sigma(x_{t-n} \mid x_t, x_0)\, dx_{t-n}$ equal?` },
      },
      hints: [r`Pull the constant $c_1$ out of $\int c_1 x_{t-n}\, q\, dx_{t-n}$: what is left inside?`, r`The integral of a density over everything is a known number.`],
      solution: r`Line (3) drops $x_{t-n}$ from the integrand: $\int q\,dx_{t-n} = 1$, so as written line (3) is $c_1 + c_2 x_0$. What the notes mean, and use in line (4), is $\int x_{t-n}\, q\, dx_{t-n} = \mathbb E[x_{t-n}]$. With that fix the induction goes through: one more σ = 0 step from the jump's result, with $x_0 = \hat x_0$, lands on the jump to $t-n-1$,

$$c_1\,x_{t-n} + c_2\,\hat x_0 = \sqrt{\alpha_{t-n-1}}\,\hat x_0 + \sqrt{1-\alpha_{t-n-1}}\,z_t$$ {check=induction-step}`,
      feedback: {
        l1: r`Line (1) is the tower rule: the mean of $x_{t-n-1}$ is the average of its conditional mean.`,
        l2: r`Line (2) substitutes the σ = 0 mean of one step, $c_1 x_{t-n} + c_2 x_0$; that is right.`,
        l4: r`Line (4) is correct as a statement; the problem is that it does not follow from line (3) as written.`,
      },
    },
    zh: {
      title: '找错：原笔记的归纳证明',
      prompt: r`原笔记用对 $n$ 的归纳法证明跳跃公式。$q_\sigma(x_{t-n-1} \mid x_t, x_0)$ 的均值按下面几行计算，其中 $${c1}$，$c_2$ 是 $x_0$ 的系数（σ = 0）。有一行并不能由上一行推出。（第（1）、（4）行沿用原笔记的 $\mathbb E[q_\sigma(\cdot)]$，意思是这个分布的均值 $\mathbb E[x \mid \dots]$；这个记号上的笔误勘误一章已经列出，不是这里要找的那一行。）`,
      parts: {
        line: { label: '哪一行错了？', options: lines },
        integral: { label: r`按原文的写法，$\int q_\sigma(x_{t-n} \mid x_t, x_0)\, dx_{t-n}$ 等于多少？` },
      },
      hints: [r`把常数 $c_1$ 从 $\int c_1 x_{t-n}\, q\, dx_{t-n}$ 中提出来，积分号里还剩什么？`, r`概率密度在整个空间上的积分是一个已知的数。`],
      solution: r`第（3）行把被积函数里的 $x_{t-n}$ 弄丢了：$\int q\,dx_{t-n} = 1$，所以照原文，第（3）行等于 $c_1 + c_2 x_0$。原笔记的本意（第（4）行也是这么用的）是 $\int x_{t-n}\, q\, dx_{t-n} = \mathbb E[x_{t-n}]$。改正之后归纳就成立了：从跳跃的结果出发，再走一个 σ = 0 的单步（取 $x_0 = \hat x_0$），正好落在直接跳到 $t-n-1$ 的位置：

$$c_1\,x_{t-n} + c_2\,\hat x_0 = \sqrt{\alpha_{t-n-1}}\,\hat x_0 + \sqrt{1-\alpha_{t-n-1}}\,z_t$$ {check=induction-step}`,
      feedback: {
        l1: r`第（1）行是全期望公式：$x_{t-n-1}$ 的均值等于其条件均值的期望。`,
        l2: r`第（2）行代入了 σ = 0 时单步的均值 $c_1 x_{t-n} + c_2 x_0$，没有问题。`,
        l4: r`第（4）行本身是对的，问题在于它不能由原文的第（3）行推出。`,
      },
    },
  },
  'n-step-jump/jump-vs-chain-predict': {
    en: {
      title: 'One jump or many small steps?',
      prompt: r`With $\sigma = 0$ and the true $x_0$ as the model's prediction, compare one jump from $t$ to $t-n$ with $n$ single steps (100 points, the lab's scheduler in float64). Predict the largest difference between the two results, then run it for several $t$ and $n$.`,
      parts: {
        prediction: {
          label: 'Prediction:',
          options: { rounding: r`rounding error only (around $10^{-15}$)`, small: r`small but real (around $10^{-3}$), growing with $n$`, large: r`large (order 1): the chain drifts away` },
        },
      },
      hints: [r`With the true $x_0$, what is the implied $\epsilon$ at each step, and does it change?`],
      solution: r`Only rounding: with $\hat x_0 = x_0$ the implied noise $(x_t - \sqrt{\alpha_t}x_0)/\sqrt{1-\alpha_t}$ is the same after every σ = 0 step, so every chain of jumps lands on the same point. For example, two half-jumps equal one jump:

$$x_{t-n}\bigl(x_{s}(x_t)\bigr) = x_{t-n}(x_t),\qquad \alpha_s = \tfrac{1}{2}(\alpha_t + \alpha_{t-n})$$ {check=two-jumps-one-jump}

With a learned model the predicted $\epsilon$ changes from step to step and the two differ: that is discretisation error.`,
      lab: {
        intro: r`The run uses the lab's oracle chain: the diffusers scheduler port with prediction type "sample" and the true $x_0$.`,
        result: r`From $t = {{r.t}}$, $n = {{r.n}}$: largest difference between one jump and $n$ steps $= {{r.diff}}$.`,
      },
    },
    zh: {
      title: '一次大跳，还是很多小步？',
      prompt: r`取 $\sigma = 0$，并把真实的 $x_0$ 当作模型的预测。比较从 $t$ 一次跳到 $t-n$ 与走 $n$ 个单步的结果（100 个点，用实验室的调度器，以 float64 计算）。先预测两者的最大差值，再对几组 $t$ 和 $n$ 运行验证。`,
      parts: {
        prediction: {
          label: '你的预测：',
          options: { rounding: r`只有舍入误差（约 $10^{-15}$）`, small: r`较小但确实存在（约 $10^{-3}$），随 $n$ 增大`, large: r`很大（1 的量级）：链会越走越偏` },
        },
      },
      hints: [r`用真实的 $x_0$ 时，每一步隐含的 $\epsilon$ 是多少？它会变吗？`],
      solution: r`只有舍入误差：$\hat x_0 = x_0$ 时，隐含噪声 $(x_t - \sqrt{\alpha_t}x_0)/\sqrt{1-\alpha_t}$ 在每个 σ = 0 步之后都不变，所以不管怎么分段跳，都落在同一点。例如两次半程跳等于一次大跳：

$$x_{t-n}\bigl(x_{s}(x_t)\bigr) = x_{t-n}(x_t),\qquad \alpha_s = \tfrac{1}{2}(\alpha_t + \alpha_{t-n})$$ {check=two-jumps-one-jump}

换成训练得到的模型，每一步预测的 $\epsilon$ 都会变，两者就不再相同：这就是离散化误差。`,
      lab: {
        intro: r`运行的是实验室的 oracle 链：用 diffusers 调度器的移植版，预测类型设为“sample”，模型输出直接取真实的 $x_0$。`,
        result: r`从 $t = {{r.t}}$ 出发，$n = {{r.n}}$：一次跳跃与 $n$ 个单步的最大差值 $= {{r.diff}}$。`,
      },
    },
  },
  'n-step-jump/jump-code': {
    en: {
      title: 'Code: the σ = 0 jump',
      prompt: r`Write [[jump(xt, z, alphaT, alphaTn)]] returning $x_{t-n}$ for $\sigma = 0$, given $x_t$, the predicted noise $z_t$, $\alpha_t$ and $\alpha_{t-n}$.`,
      parts: { code: { label: 'Your code', starter: 'function jump(xt, z, alphaT, alphaTn) {\n  return xt;\n}\n' } },
      hints: [r`Two lines: $\hat x_0$, then $\sqrt{\alpha_{t-n}}\,\hat x_0 + \sqrt{1-\alpha_{t-n}}\,z_t$.`],
      solution: r`$\hat x_0$, then the jump. Jumping all the way to $\alpha = 1$ returns $\hat x_0$ itself:

$$x_{0}\big|_{\alpha_{t-n} = 1} = \hat x_0$$ {check=jump-to-zero}`,
    },
    zh: {
      title: '编程：σ = 0 的跳跃',
      prompt: r`写出 [[jump(xt, z, alphaT, alphaTn)]]：给定 $x_t$、预测噪声 $z_t$、$\alpha_t$ 和 $\alpha_{t-n}$，返回 $\sigma = 0$ 时的 $x_{t-n}$。`,
      parts: { code: { label: '你的代码', starter: 'function jump(xt, z, alphaT, alphaTn) {\n  return xt;\n}\n' } },
      hints: [r`两行就够：先算 $\hat x_0$，再算 $\sqrt{\alpha_{t-n}}\,\hat x_0 + \sqrt{1-\alpha_{t-n}}\,z_t$。`],
      solution: r`先算 $\hat x_0$，再跳。一直跳到 $\alpha = 1$ 时，结果就是 $\hat x_0$ 本身：

$$x_{0}\big|_{\alpha_{t-n} = 1} = \hat x_0$$ {check=jump-to-zero}`,
    },
  },
};
