/** Text of the "diffusers DDIMScheduler.step()" exercises (build time only). */
import type { Bilingual, ExerciseText } from '../types.ts';

const r = String.raw;

export const diffusersDdimStepText: Record<string, Bilingual<ExerciseText>> = {
  'diffusers-ddim-step/prev-timestep': {
    en: {
      title: 'Which timestep does step() go to?',
      prompt: r`A [[DDIMScheduler]] with $T = 1000$ training steps and the default "leading" spacing runs [[set_timesteps({{N}})]]. Its timesteps start at {{first}}. When [[step()]] is called with [[timestep = {{t}}]], which previous timestep does it use for $\alpha_{\text{prev}}$?`,
      parts: { prev: { label: r`[[prev_timestep]] $=$` } },
      hints: [r`[[step()]] does not look at the schedule: it subtracts a fixed amount from [[timestep]].`, r`The amount is $T$ // $N$, integer division.`],
      solution: r`[[prev_timestep = timestep − T // N]] $= {{t}} - {{ratio}} = {{prev}}$. With leading spacing this is always the schedule's next entry (except after the last one):

$$t_{i} - \lfloor T/N \rfloor = t_{i+1}\quad(\text{leading spacing},\ i < N-1)$$ {check=leading-prev-is-next}

With the other spacings it need not be, which is one of the quirks the walkthrough shows.`,
      feedback: {
        minusOne: r`One training step back is what DDPM's sampler does; DDIM's [[step()]] jumps by $T$ // $N$.`,
        exactRatio: r`$T/N$ is not an integer here; diffusers uses integer division $T$ // $N$.`,
      },
    },
    zh: {
      title: 'step() 会退到哪个时间步？',
      prompt: r`一个 [[DDIMScheduler]] 的训练步数为 $T = 1000$，使用默认的“leading”间隔方式，调用了 [[set_timesteps({{N}})]]，时间步从 {{first}} 开始。以 [[timestep = {{t}}]] 调用 [[step()]] 时，它取哪个时间步作为上一时间步来读取 $\alpha_{\text{prev}}$？`,
      parts: { prev: { label: r`[[prev_timestep]] $=$` } },
      hints: [r`[[step()]] 并不查看时间步列表，而是从 [[timestep]] 减去一个固定的数。`, r`这个数是 $T$ // $N$，即整数除法。`],
      solution: r`[[prev_timestep = timestep − T // N]] $= {{t}} - {{ratio}} = {{prev}}$。对 leading 间隔方式，它总是时间步列表里的下一项（最后一项除外）：

$$t_{i} - \lfloor T/N \rfloor = t_{i+1}\quad(\text{leading},\ i < N-1)$$ {check=leading-prev-is-next}

换成其他间隔方式就不一定了，这正是逐行解读那一章展示的怪癖之一。`,
      feedback: {
        minusOne: r`只退一个训练步是 DDPM 采样器的做法；DDIM 的 [[step()]] 每次跳 $T$ // $N$ 步。`,
        exactRatio: r`这里 $T/N$ 不是整数；diffusers 用的是整数除法 $T$ // $N$。`,
      },
    },
  },
  'diffusers-ddim-step/trailing': {
    en: {
      title: 'Trailing spacing and the last step',
      prompt: r`With [[timestep_spacing="trailing"]], $T = 1000$ and $N = {{N}}$, [[set_timesteps]] gives {{list}}. What is the last timestep [[step()]] is called with, and which [[prev_timestep]] does that call use? (A negative value means the final $\alpha_{\text{prev}}$ is [[final_alpha_cumprod]].)`,
      parts: { last: { label: 'last timestep $=$' }, prev: { label: r`its [[prev_timestep]] $=$` } },
      hints: [r`Read the last entry of the list.`, r`[[prev_timestep = timestep − T // N]] with $T$ // $N = {{ratio}}$, whatever the spacing.`],
      solution: r`The last timestep is {{last}} and [[step()]] uses {{last}} $-$ {{ratio}} $= {{prev}}$. Trailing spacing always starts at the last training step,

$$t_0 = T - 1\quad(\text{trailing, any } N)$$ {check=trailing-starts-at-T-1}

but [[step()]] still subtracts $T$ // $N$. Here the last call lands on timestep 0, so its $\alpha_{\text{prev}}$ is [[alphas_cumprod[0]]], not [[final_alpha_cumprod]]: the sampler stops one training step short of $\alpha = 1$ and the output is not exactly $\hat x_0$.`,
      feedback: { minusOne: r`$-1$ (which would read [[final_alpha_cumprod]]) is what the schedule's "after the last" would suggest; [[step()]] computes [[timestep − T // N]], which is 0 here.` },
    },
    zh: {
      title: 'trailing 间隔方式与最后一步',
      prompt: r`取 [[timestep_spacing="trailing"]]，$T = 1000$，$N = {{N}}$，[[set_timesteps]] 给出 {{list}}。[[step()]] 最后一次被调用时，时间步是多少？这次调用用的 [[prev_timestep]] 又是多少？（负值表示最后的 $\alpha_{\text{prev}}$ 取 [[final_alpha_cumprod]]。）`,
      parts: { last: { label: '最后一个时间步 $=$' }, prev: { label: r`它的 [[prev_timestep]] $=$` } },
      hints: [r`看列表的最后一项。`, r`不论哪种间隔方式，都有 [[prev_timestep = timestep − T // N]]，这里 $T$ // $N = {{ratio}}$。`],
      solution: r`最后一个时间步是 {{last}}，[[step()]] 用的是 {{last}} $-$ {{ratio}} $= {{prev}}$。trailing 间隔方式总是从最后一个训练步开始：

$$t_0 = T - 1\quad(\text{trailing},\ N\ \text{任意})$$ {check=trailing-starts-at-T-1}

但 [[step()]] 仍然减去 $T$ // $N$。这里最后一次调用落在时间步 0，所以它的 $\alpha_{\text{prev}}$ 取的是 [[alphas_cumprod[0]]] 而不是 [[final_alpha_cumprod]]：采样器离 $\alpha = 1$ 还差一个训练步就停了，输出并不恰好是 $\hat x_0$。`,
      feedback: { minusOne: r`$-1$（读取 [[final_alpha_cumprod]]）是按时间步列表“最后一项之后”推测出来的；[[step()]] 实际算的是 [[timestep − T // N]]，这里等于 0。` },
    },
  },
  'diffusers-ddim-step/final-alpha': {
    en: {
      title: 'set_alpha_to_one = False on the last step',
      prompt: r`With [[set_alpha_to_one=False]], the last [[step()]] uses $\alpha_{\text{prev}} =$ [[alphas_cumprod[0]]] $= 1 - \beta_0$ instead of 1. For a linear schedule starting at $\beta_0 = {{b}}$ and $\eta = 0$, what weight $\sqrt{1-\alpha_{\text{prev}}}$ does the final output give to the predicted noise?`,
      parts: { w: { label: r`$\sqrt{1-\alpha_{\text{prev}}} =$` } },
      hints: [r`$1 - \alpha_{\text{prev}} = \beta_0$.`],
      solution: r`The final $\alpha_{\text{prev}}$ is the first cumulative product, $1 - \beta_0$,

$$\texttt{final\_alpha\_cumprod} = 1 - \beta_0$$ {check=final-is-first}

so the output keeps $\sqrt{\beta_0} = {{w}}$ of the predicted noise instead of returning $\hat x_0$ exactly, as it does with [[set_alpha_to_one=True]].`,
      feedback: { alphaToOne: r`0 is the answer with [[set_alpha_to_one=True]] (the default): then $\alpha_{\text{prev}} = 1$ and the output is $\hat x_0$.` },
    },
    zh: {
      title: '最后一步的 set_alpha_to_one = False',
      prompt: r`若 [[set_alpha_to_one=False]]，最后一次 [[step()]] 用的 $\alpha_{\text{prev}}$ 是 [[alphas_cumprod[0]]] $= 1 - \beta_0$，而不是 1。对从 $\beta_0 = {{b}}$ 开始的线性调度、$\eta = 0$，最终输出中预测噪声的权重 $\sqrt{1-\alpha_{\text{prev}}}$ 是多少？`,
      parts: { w: { label: r`$\sqrt{1-\alpha_{\text{prev}}} =$` } },
      hints: [r`$1 - \alpha_{\text{prev}} = \beta_0$。`],
      solution: r`最后的 $\alpha_{\text{prev}}$ 是第一个累乘值 $1 - \beta_0$：

$$\texttt{final\_alpha\_cumprod} = 1 - \beta_0$$ {check=final-is-first}

所以输出里还保留了 $\sqrt{\beta_0} = {{w}}$ 倍的预测噪声，而不像 [[set_alpha_to_one=True]] 时那样恰好返回 $\hat x_0$。`,
      feedback: { alphaToOne: r`0 是 [[set_alpha_to_one=True]]（默认值）时的答案：那时 $\alpha_{\text{prev}} = 1$，输出就是 $\hat x_0$。` },
    },
  },
  'diffusers-ddim-step/v-prediction': {
    en: {
      title: 'x̂₀ from a v-prediction',
      prompt: r`With [[prediction_type="v_prediction"]] the model predicts $v = \sqrt{\alpha_t}\,\epsilon - \sqrt{1-\alpha_t}\,x_0$. Write the $\hat x_0$ that [[step()]] computes, in terms of $x_t$ ([[x_t]]), $v$ ([[v]]) and $\alpha_t$ ([[a_t]]).`,
      parts: { x0: { label: r`$\hat x_0 =$` } },
      hints: [r`Substitute $x_t = \sqrt{\alpha_t}x_0 + \sqrt{1-\alpha_t}\epsilon$ into $\sqrt{\alpha_t}\,x_t - \sqrt{1-\alpha_t}\,v$ and simplify.`],
      solution: r`$\sqrt{\alpha_t}x_t - \sqrt{1-\alpha_t}\,v = \alpha_t x_0 + (1-\alpha_t)x_0 = x_0$. The scheduler port computes exactly this (float64 schedule, random $N$ and timestep):

$$\hat x_0^{\,\texttt{step()}} = \sqrt{\alpha_t}\,x_t - \sqrt{1-\alpha_t}\,v$$ {check=scheduler-agrees}`,
      feedback: {
        signFlip: r`Check the sign: $v$ contains $-\sqrt{1-\alpha_t}\,x_0$, so it is subtracted.`,
        epsFormula: r`That is the formula for an $\epsilon$-prediction; a $v$-prediction mixes $x_t$ and $v$ with weights $\sqrt{\alpha_t}$ and $\sqrt{1-\alpha_t}$.`,
      },
    },
    zh: {
      title: '由 v 预测求 x̂₀',
      prompt: r`[[prediction_type="v_prediction"]] 时，模型预测的是 $v = \sqrt{\alpha_t}\,\epsilon - \sqrt{1-\alpha_t}\,x_0$。用 $x_t$（[[x_t]]）、$v$（[[v]]）和 $\alpha_t$（[[a_t]]）写出 [[step()]] 算出的 $\hat x_0$。`,
      parts: { x0: { label: r`$\hat x_0 =$` } },
      hints: [r`把 $x_t = \sqrt{\alpha_t}x_0 + \sqrt{1-\alpha_t}\epsilon$ 代入 $\sqrt{\alpha_t}\,x_t - \sqrt{1-\alpha_t}\,v$ 化简。`],
      solution: r`$\sqrt{\alpha_t}x_t - \sqrt{1-\alpha_t}\,v = \alpha_t x_0 + (1-\alpha_t)x_0 = x_0$。调度器的移植版正是这样计算的（float64 调度，随机的 $N$ 和时间步）：

$$\hat x_0^{\,\texttt{step()}} = \sqrt{\alpha_t}\,x_t - \sqrt{1-\alpha_t}\,v$$ {check=scheduler-agrees}`,
      feedback: {
        signFlip: r`注意符号：$v$ 里含 $-\sqrt{1-\alpha_t}\,x_0$，所以是减号。`,
        epsFormula: r`这是 $\epsilon$ 预测的公式；$v$ 预测是把 $x_t$ 和 $v$ 分别乘以 $\sqrt{\alpha_t}$、$\sqrt{1-\alpha_t}$ 再组合。`,
      },
    },
  },
  'diffusers-ddim-step/max-eta': {
    en: {
      title: 'Where η > 1 breaks',
      prompt: r`diffusers computes the direction term as $(1-\alpha_{\text{prev}}-\sigma_t^2)^{1/2}\,\epsilon$ and returns NaN once the base is negative. For $\alpha_t = {{aT}}$ and $\alpha_{\text{prev}} = {{aPrev}}$, above which $\eta$ does that happen?`,
      parts: { eta: { label: r`$\eta_{\max} =$` } },
      hints: [r`$\sigma_t(\eta)^2 = \eta^2\sigma_t(1)^2$; set $1 - \alpha_{\text{prev}} - \eta^2\sigma_t(1)^2 = 0$.`],
      solution: r`$\eta_{\max} = \sqrt{(1-\alpha_{\text{prev}})/\sigma_t(1)^2} = {{eta}}$, always at least 1, so every $\eta \in [0, 1]$ is safe. At $\eta_{\max}$ the direction term vanishes:

$$1 - \alpha_{\text{prev}} - \sigma_t(\eta_{\max})^2 = 0$$ {check=radicand-vanishes}`,
      feedback: { one: r`$\eta = 1$ is DDPM and always safe; the limit is above 1.`, squared: r`That is $\eta_{\max}^2$; take the square root.` },
    },
    zh: {
      title: 'η > 1 在哪里出问题',
      prompt: r`diffusers 把方向项算成 $(1-\alpha_{\text{prev}}-\sigma_t^2)^{1/2}\,\epsilon$，底数一旦为负就返回 NaN。对 $\alpha_t = {{aT}}$、$\alpha_{\text{prev}} = {{aPrev}}$，$\eta$ 超过多少时会出现这种情况？`,
      parts: { eta: { label: r`$\eta_{\max} =$` } },
      hints: [r`$\sigma_t(\eta)^2 = \eta^2\sigma_t(1)^2$；令 $1 - \alpha_{\text{prev}} - \eta^2\sigma_t(1)^2 = 0$。`],
      solution: r`$\eta_{\max} = \sqrt{(1-\alpha_{\text{prev}})/\sigma_t(1)^2} = {{eta}}$，它总不小于 1，所以 $\eta \in [0, 1]$ 都是安全的。在 $\eta_{\max}$ 处方向项恰好为零：

$$1 - \alpha_{\text{prev}} - \sigma_t(\eta_{\max})^2 = 0$$ {check=radicand-vanishes}`,
      feedback: { one: r`$\eta = 1$ 就是 DDPM，总是安全的；上限在 1 以上。`, squared: r`这是 $\eta_{\max}^2$，还要开方。` },
    },
  },
  'diffusers-ddim-step/clip-predict': {
    en: {
      title: 'Clipping x̂₀: which ε goes into the direction?',
      prompt: r`With [[clip_sample=True]] (the default), [[step()]] clips $\hat x_0$ to $[-1, 1]$. When clipping changes $\hat x_0$, which $\epsilon$ does the direction term $\sqrt{1-\alpha_{\text{prev}}-\sigma_t^2}\,\epsilon$ use by default ([[use_clipped_model_output=False]])? Predict, then run one step of the scheduler port.`,
      parts: { prediction: { label: 'Prediction:', options: { model: 'the model’s ε, unchanged', clipped: 'the ε implied by the clipped x̂₀' } } },
      hints: [r`Look at where diffusers assigns [[pred_epsilon]]: before or after clipping?`],
      solution: r`The model's $\epsilon$: [[pred_epsilon = model_output]] is set before clipping, and only [[use_clipped_model_output=True]] re-derives it from the clipped $\hat x_0$,

$$\epsilon' = \frac{x_t - \sqrt{\alpha_t}\,\operatorname{clip}(\hat x_0)}{\sqrt{1-\alpha_t}}$$ {check=reclipped-eps}

So by default the step mixes a clipped $\hat x_0$ with an unclipped $\epsilon$: the two terms no longer describe the same $x_0$.`,
      lab: {
        intro: r`One step at the middle timestep of [[set_timesteps(10)]] with [[clip_sample=True]]; try a large model output so that $\hat x_0$ leaves $[-1, 1]$.`,
        result: r`$t = {{r.t}}$: $\hat x_0$ before clipping $ {{r.raw}}$, after $ {{r.x0}}$; $\epsilon$ used by the direction term $ {{r.eps}}$; [[prev_sample]] $= {{r.prev}}$.`,
      },
      feedback: { clipped: r`That is what [[use_clipped_model_output=True]] does; the default keeps the model's $\epsilon$. Run it with the box ticked and unticked.` },
    },
    zh: {
      title: '裁剪 x̂₀：方向项用哪个 ε？',
      prompt: r`[[clip_sample=True]]（默认）时，[[step()]] 会把 $\hat x_0$ 裁剪到 $[-1, 1]$。如果裁剪改变了 $\hat x_0$，默认情况下（[[use_clipped_model_output=False]]）方向项 $\sqrt{1-\alpha_{\text{prev}}-\sigma_t^2}\,\epsilon$ 用的是哪个 $\epsilon$？先预测，再用调度器的移植版运行一步。`,
      parts: { prediction: { label: '你的预测：', options: { model: '模型输出的 ε，不变', clipped: '由裁剪后的 x̂₀ 反推出的 ε' } } },
      hints: [r`看看 diffusers 是在裁剪之前还是之后给 [[pred_epsilon]] 赋值的。`],
      solution: r`是模型输出的 $\epsilon$：[[pred_epsilon = model_output]] 在裁剪之前就赋值了，只有 [[use_clipped_model_output=True]] 才会用裁剪后的 $\hat x_0$ 重新推出 $\epsilon$：

$$\epsilon' = \frac{x_t - \sqrt{\alpha_t}\,\operatorname{clip}(\hat x_0)}{\sqrt{1-\alpha_t}}$$ {check=reclipped-eps}

所以默认情况下，这一步把裁剪后的 $\hat x_0$ 和未经修正的 $\epsilon$ 混在一起用：两项描述的已经不是同一个 $x_0$ 了。`,
      lab: {
        intro: r`在 [[set_timesteps(10)]] 的中间时间步、[[clip_sample=True]] 下走一步；把模型输出调大，让 $\hat x_0$ 超出 $[-1, 1]$。`,
        result: r`$t = {{r.t}}$：裁剪前 $\hat x_0 = {{r.raw}}$，裁剪后 $ {{r.x0}}$；方向项用的 $\epsilon = {{r.eps}}$；[[prev_sample]] $= {{r.prev}}$。`,
      },
      feedback: { clipped: r`那是 [[use_clipped_model_output=True]] 的行为；默认保留模型输出的 $\epsilon$。勾选和不勾选各运行一次看看。` },
    },
  },
};
