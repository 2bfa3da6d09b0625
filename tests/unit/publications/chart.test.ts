import { describe, expect, it } from 'vitest';
import { svgRaster } from '@main/documents/chart';
import { balanceChart, balancePoints } from '@main/services/publications/chart';
import { reverseMovement } from '@main/services/publications/movements';
import { addOrganization, addPublication, count, freshDb, handOut, receive, TODAY } from './helpers';

/** The card's balance chart (issue 21) through the indicators' chart pipeline (issue 20). */
describe('the balance chart', () => {
  it('has a point per day something counted happened, the evening’s balance, and today’s level last', () => {
    const t = freshDb();
    const org = addOrganization(t.db, 'Отдел опеки и попечительства администрации города Уварово', 'Опека г. Уварово');
    const pub = addPublication(t.db, { minStock: 100 });
    receive(t.db, pub, '2019-03-01', 300);
    // Two movements of one day are one point: what was on the shelf that evening.
    handOut(t.db, pub, '2019-03-10', 100, org);
    handOut(t.db, pub, '2019-03-10', 20, org);
    const wrong = handOut(t.db, pub, '2019-04-15', 80, org);
    reverseMovement(t.db, { movementId: wrong.id, reason: 'Внесено по ошибке' }, TODAY);
    count(t.db, pub, '2019-06-30', 175);
    expect(balancePoints(t.db, pub, TODAY)).toEqual([
      { date: '2019-03-01', value: 300 },
      { date: '2019-03-10', value: 180 },
      { date: '2019-06-30', value: 175 },
      { date: TODAY, value: 175 },
    ]);
  });

  it('is drawn with its Russian texts and the minimum level, and resvg puts them into the picture', async () => {
    const t = freshDb();
    const org = addOrganization(t.db, 'Комиссия по делам несовершеннолетних', 'КДН и ЗП г. Уварово');
    const pub = addPublication(t.db, { minStock: 1500 });
    receive(t.db, pub, '2019-03-01', 3000);
    handOut(t.db, pub, '2019-09-10', 1234, org);
    const chart = await balanceChart(t.db, { id: pub }, TODAY);
    expect(chart.points).toBe(3);
    const svg = chart.svg!;
    expect(svg).toContain('>Остаток по дням</text>');
    expect(svg).toContain('>Минимальный остаток: 1\u00a0500</text>');
    expect(svg).toContain('>3\u00a0000</text>');
    // Ticks of the time axis the Russian way (months as ММ.ГГГГ).
    expect(svg).toMatch(/>(0[1-9]|1[0-2])\.2019<\/text>/);
    expect(svg).not.toMatch(/font-family:(?!'PT Sans', sans-serif)/);
    const drawn = await svgRaster(svg, 1);
    const bare = await svgRaster(svg, 1, false);
    expect(Buffer.compare(Buffer.from(drawn.pixels), Buffer.from(bare.pixels))).not.toBe(0);
  });

  it('is not drawn before the first movement', async () => {
    const t = freshDb();
    expect(await balanceChart(t.db, { id: addPublication(t.db) }, TODAY)).toEqual({ svg: null, points: 0 });
  });
});
