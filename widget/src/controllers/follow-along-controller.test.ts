import { expect } from '@esm-bundle/chai';
import type { ReactiveControllerHost } from 'lit';
import { emulateMedia } from '@web/test-runner-commands';
import { cleanup, mount } from '../../test/helpers.js';
import { FollowAlongController } from './follow-along-controller.js';

function setup() {
  const host = mount<HTMLElement & ReactiveControllerHost>('<div></div>');
  Object.assign(host, {
    addController() {},
    removeController() {},
    requestUpdate() {},
    updateComplete: Promise.resolve(true),
  });
  const box = document.createElement('div');
  box.style.cssText = 'position: relative; height: 100px; overflow-y: auto';
  for (let i = 0; i < 30; i++)
    box.insertAdjacentHTML('beforeend', `<p id="p${i}" style="height: 40px; margin: 0">${i}</p>`);
  host.append(box);
  const follow = new FollowAlongController(host, () => box, 500);
  follow.hostConnected();
  return { host, box, follow, target: box.querySelector<HTMLElement>('#p20')! };
}

describe('FollowAlongController', () => {
  afterEach(async () => {
    cleanup();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('jumps instantly when reduced motion is asked for', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { box, follow, target } = setup();
    follow.reveal(target);
    expect(box.scrollTop).to.be.closeTo(target.offsetTop - 100 / 3, 1);
  });

  it('glides otherwise', async () => {
    const { box, follow, target } = setup();
    follow.reveal(target);
    expect(box.scrollTop).to.be.lessThan(target.offsetTop - 100 / 3 - 1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(box.scrollTop).to.be.closeTo(target.offsetTop - 100 / 3, 1);
  });

  it('holds back while hovered and for a while after the reader scrolls', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { host, box, follow, target } = setup();
    // Not hovered: revealing scrolls.
    follow.reveal(target);
    expect(box.scrollTop).to.be.closeTo(target.offsetTop - 100 / 3, 1);
    box.scrollTop = 0;
    host.dispatchEvent(new PointerEvent('pointerenter'));
    follow.reveal(target);
    expect(box.scrollTop).to.equal(0);
    host.dispatchEvent(new PointerEvent('pointerleave'));
    expect(follow.held).to.equal(true);
    await new Promise((r) => setTimeout(r, 600));
    host.dispatchEvent(new WheelEvent('wheel'));
    follow.reveal(target);
    expect(box.scrollTop).to.equal(0);
    await new Promise((r) => setTimeout(r, 600));
    follow.reveal(target);
    expect(box.scrollTop).to.be.greaterThan(0);
  });
});
