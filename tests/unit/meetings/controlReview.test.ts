import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL_REVIEW_TITLE } from '@shared/contract/meetings';
import { appApi, segmentGroup } from './helpers';

/**
 * The control item («О ходе исполнения решений предыдущих заседаний») is marked by a column when
 * it is added, not recognised by its title: the secretary rewords it, or types an ordinary
 * question with the same words, and the register still knows which is which.
 */

let api: ReturnType<typeof appApi>;
let s: Awaited<ReturnType<typeof segmentGroup>>;
beforeEach(async () => {
  api = appApi();
  s = await segmentGroup(api);
});
afterEach(() => api.cleanup());

describe('the control item', () => {
  it('stays the control item when reworded, and a question typed with its title is not one', async () => {
    const m = await api.call('meetings.create', { groupId: s.group.id, kind: 'session', dateStart: '2017-09-12' });
    const typed = await api.call('agenda.create', { meetingId: m.id, data: { title: CONTROL_REVIEW_TITLE } });
    expect(typed.items.map((i) => i.controlReview)).toEqual([false]);

    const added = await api.call('agenda.addControlReview', { meetingId: m.id });
    const control = added.items.find((i) => i.controlReview)!;
    expect(control.title).toBe(CONTROL_REVIEW_TITLE);

    const reworded = await api.call('agenda.update', {
      id: control.id,
      data: { title: 'О выполнении решений заседания от 14.03.2017', heardText: control.heardText },
    });
    expect(reworded.items.find((i) => i.id === control.id)?.controlReview).toBe(true);
    expect((await api.refusal('agenda.addControlReview', { meetingId: m.id })).message).toBe(
      'Вопрос о ходе исполнения решений предыдущих заседаний уже есть в повестке.',
    );
    expect((await api.call('meetings.get', { id: m.id })).items.filter((i) => i.controlReview)).toHaveLength(1);
  });
});
