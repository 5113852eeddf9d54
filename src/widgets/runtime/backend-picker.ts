/**
 * The backend line of a widget: shows which tfjs backend runs, explains when software WebGL made
 * us prefer wasm, and lets the reader switch. tfjs has one active backend per page, so a switch in
 * one widget is announced to the others with a `tf-backend` event on `document`.
 */
import { initBackend, trySetBackend, tf, type BackendStatus } from './tf-browser.ts';
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
  const show = (active: string) => {
    root.dataset.backend = active;
    if (select) select.value = active;
    const note = status.software && active === 'wasm' ? ` ${tr('widget.backendSoftwareGl', { renderer: softwareRendererName(status.renderer) ?? '' })}` : '';
    setStatus(tr('widget.backendActive', { backend: active }) + note);
  };
  show(tf.getBackend());
  document.addEventListener('tf-backend', () => show(tf.getBackend()));
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
