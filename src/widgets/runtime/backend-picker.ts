/**
 * The backend line of a widget: shows which tfjs backend runs, explains when software WebGL made
 * us prefer wasm, and lets the reader switch. tfjs has one active backend per page, so a switch in
 * one widget is announced to the others with a `tf-backend` event on `document`.
 */
import { initBackend, isWebglLost, trySetBackend, tf, type BackendStatus } from './tf-browser.ts';
import { softwareRendererName, type BackendName } from '../../lab/backend-order.ts';
import type { Lookup } from '../param-messages.ts';

export async function attachBackendPicker(
  root: HTMLElement,
  tr: Lookup,
  setStatus: (text: string) => void,
  onSwitch: () => void,
): Promise<BackendStatus> {
  const status = await initBackend();
  const select = root.querySelector<HTMLSelectElement>('[data-backend]');
  const show = (active: string, contextLost = false) => {
    root.dataset.backend = active;
    if (select) select.value = active;
    const webglOption = select?.querySelector<HTMLOptionElement>('option[value="webgl"]');
    if (webglOption) webglOption.disabled = status.renderer === null || isWebglLost();
    let note = '';
    if (contextLost) note = ` ${tr('widget.backendContextLost', { backend: active })}`;
    else if (status.renderer === null) note = ` ${tr('widget.backendNoWebgl', { backend: active })}`;
    else if (status.software && active === 'wasm') note = ` ${tr('widget.backendSoftwareGl', { renderer: softwareRendererName(status.renderer) ?? '' })}`;
    root.dataset.backendNote = contextLost ? 'context-lost' : status.renderer === null ? 'no-webgl' : '';
    setStatus(tr('widget.backendActive', { backend: active }) + note);
  };
  show(tf.getBackend(), isWebglLost());
  document.addEventListener('tf-backend', (event) => {
    const contextLost = (event as CustomEvent<{ reason?: string } | null>).detail?.reason === 'contextLost';
    show(tf.getBackend(), contextLost || isWebglLost());
    // The run in progress died with the context: run again on the new backend.
    if (contextLost) onSwitch();
  });
  if (select) {
    select.disabled = false;
    select.addEventListener('change', async () => {
      const wanted = select.value as BackendName;
      const previous = tf.getBackend() as BackendName;
      if (await trySetBackend(wanted)) {
        document.dispatchEvent(new CustomEvent('tf-backend'));
        onSwitch();
      } else {
        await trySetBackend(previous);
        show(previous);
        setStatus(tr('widget.backendFailed', { backend: wanted, current: previous }));
      }
    });
  }
  return status;
}
