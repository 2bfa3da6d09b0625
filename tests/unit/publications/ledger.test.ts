import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { beforeEach, describe, expect, it } from 'vitest';
import * as schema from '@db/schema';
import { getPublication, listPublications } from '@main/services/publications/records';
import { reverseMovement } from '@main/services/publications/movements';
import { movementStatement, stockOnDate } from '@main/services/publications/statements';
import { ledgerRows, walk } from '@main/services/publications/ledger';
import { publicationsFilter } from '@shared/contract/publications';
import { addOrganization, addPublication, count, freshDb, handOut, move, receive, refusal, TODAY } from './helpers';

let t: ReturnType<typeof freshDb>;
let org: number;
let pub: number;
beforeEach(() => {
  t = freshDb();
  org = addOrganization(t.db, 'Отдел опеки и попечительства администрации города Уварово', 'Опека г. Уварово');
  pub = addPublication(t.db);
});

const card = () => getPublication(t.db, { id: pub }, TODAY);
const rowsOfLedger = () => t.sqlite.prepare('SELECT * FROM publication_movements ORDER BY id').all();
const catalogueBalance = () => listPublications(t.db, publicationsFilter.parse({}), TODAY).rows.find((r) => r.id === pub)!.balance;

describe('balances', () => {
  it('a print run, two distributions and a stocktake: the balance after each movement, the stocktake difference derived', () => {
    receive(t.db, pub, '2019-03-01', 300);
    handOut(t.db, pub, '2019-03-10', 120, org);
    handOut(t.db, pub, '2019-04-02', 80, org);
    const result = count(t.db, pub, '2019-06-30', 95);
    expect(result.balance).toBe(95);
    const history = card().history;
    expect(history.map((m) => [m.kind, m.balanceAfter])).toEqual([
      ['receipt', 300],
      ['distribution', 180],
      ['distribution', 100],
      ['stocktake', 95],
    ]);
    expect(history[3]!.difference).toBe(-5);
    expect(card().balance).toBe(95);
    expect(catalogueBalance()).toBe(95);
    // On a date between the movements, the SQL rule and the walk agree.
    expect(stockOnDate(t.db, { date: '2019-03-31', includeArchived: false }).rows[0]!.balance).toBe(180);
    expect(stockOnDate(t.db, { date: '2019-02-28', includeArchived: false }).rows).toEqual([]);
  });

  it('distributed this year counts only this year’s distributions, and the low-stock marker follows the minimum', () => {
    const low = addPublication(t.db, { title: 'Памятка для родителей', kind: 'Памятка', minStock: 50 });
    receive(t.db, low, '2019-12-01', 100);
    handOut(t.db, low, '2019-12-20', 40, org);
    handOut(t.db, low, '2020-01-10', 20, org);
    const row = listPublications(t.db, publicationsFilter.parse({}), TODAY).rows.find((r) => r.id === low)!;
    expect(row).toMatchObject({ balance: 40, distributedThisYear: 20, low: true, stocked: true });
    expect(listPublications(t.db, publicationsFilter.parse({ lowOnly: true }), TODAY).rows.map((r) => r.id)).toEqual([low]);
  });
});

describe('never negative, at any date', () => {
  beforeEach(() => {
    receive(t.db, pub, '2019-03-01', 100);
    handOut(t.db, pub, '2019-05-14', 60, org);
    count(t.db, pub, '2019-06-30', 40);
    receive(t.db, pub, '2019-07-01', 200);
  });

  it('refuses a backdated issue that breaks only before a later stocktake, naming the first date and the shortfall, and writes nothing', () => {
    const before = rowsOfLedger();
    // The balance today would still be 240 − 50 = 190 after the stocktake reset it; on 14.05.2019 it is not.
    const message = refusal(() => handOut(t.db, pub, '2019-04-01', 50, org));
    expect(message).toContain('на 14.05.2019 остаток 50 экз., не хватает 10');
    expect(message).toContain('выдача 60 экз. от 14.05.2019');
    expect(rowsOfLedger()).toEqual(before);
  });

  it('refuses an issue beyond the balance on its own date with «на ДД.ММ.ГГГГ остаток N экз., не хватает M»', () => {
    expect(refusal(() => handOut(t.db, pub, '2019-07-05', 300, org))).toBe('На 05.07.2019 остаток 240 экз., не хватает 60');
    expect(refusal(() => move(t.db, pub, { kind: 'writeOff', date: '2019-04-01', quantity: 101, reason: 'Испорчены' }))).toBe(
      'На 01.04.2019 остаток 100 экз., не хватает 1',
    );
  });

  it('accepts a backdated issue that fits, and says which past stocktake’s difference it changed', () => {
    const result = handOut(t.db, pub, '2019-04-01', 40, org);
    expect(result.stocktakeChanges).toEqual([expect.objectContaining({ date: '2019-06-30', before: 0, after: 40 })]);
    expect(result.notices).toEqual(['Расхождение инвентаризации от 30.06.2019 изменилось: было 0, стало +40 экз.']);
    // The stocktake still sets the balance: what follows it is unchanged.
    expect(result.balance).toBe(240);
  });

  it('a backdated receipt changes the later stocktake’s difference, and the user is told', () => {
    const result = receive(t.db, pub, '2019-04-01', 10);
    expect(result.notices).toEqual(['Расхождение инвентаризации от 30.06.2019 изменилось: было 0, стало −10 экз.']);
    expect(card().history.find((m) => m.kind === 'stocktake')!.difference).toBe(-10);
    expect(card().balance).toBe(240);
  });

  it('refuses a movement before the first receipt as such', () => {
    expect(refusal(() => handOut(t.db, pub, '2019-02-01', 1, org))).toBe(
      'На 01.02.2019 экземпляров ещё не поступало: первое поступление (тираж или ввод остатков) — 01.03.2019',
    );
    const fresh = addPublication(t.db, { title: 'Буклет без тиража', kind: 'Буклет' });
    expect(refusal(() => count(t.db, fresh, '2019-05-01', 0))).toContain('экземпляров ещё не поступало: сначала внесите');
  });

  it('refuses a future-dated movement: the ledger records what has happened', () => {
    const before = rowsOfLedger();
    expect(refusal(() => receive(t.db, pub, '2020-01-16', 10))).toBe(
      'Дата позже сегодняшней (15.01.2020): в журнал вносят то, что уже произошло',
    );
    expect(rowsOfLedger()).toEqual(before);
  });
});

describe('the day’s order', () => {
  /** An opening balance of 100, then one day's movements entered in the given order. */
  function enter(order: ('receipt' | 'distribution' | 'stocktake')[]) {
    const db = freshDb();
    const o = addOrganization(db.db, 'Школа №1');
    const p = addPublication(db.db);
    move(db.db, p, { kind: 'opening', date: '2019-01-09', quantity: 100 });
    for (const kind of order) {
      if (kind === 'receipt') receive(db.db, p, '2019-02-01', 50);
      else if (kind === 'distribution') handOut(db.db, p, '2019-02-01', 80, o);
      else count(db.db, p, '2019-02-01', 70);
    }
    return getPublication(db.db, { id: p }, TODAY).history.map((m) => [m.kind, m.balanceAfter, m.difference]);
  }

  it('movements of one day read in one order — receipts, issues, stocktakes — whatever order they were entered in', () => {
    const expected = [
      ['opening', 100, null],
      ['receipt', 150, null],
      ['distribution', 70, null],
      ['stocktake', 70, 0],
    ];
    expect(enter(['receipt', 'distribution', 'stocktake'])).toEqual(expected);
    expect(enter(['stocktake', 'distribution', 'receipt'])).toEqual(expected);
    expect(enter(['distribution', 'stocktake', 'receipt'])).toEqual(expected);
  });

  it('a print run received later in the day still covers that day’s distribution entered after it', () => {
    receive(t.db, pub, '2019-02-01', 10);
    receive(t.db, pub, '2019-03-01', 50);
    // 60 on 01.03 only because the day's receipt comes first, entered before or not.
    expect(handOut(t.db, pub, '2019-03-01', 60, org).balance).toBe(0);
    expect(refusal(() => handOut(t.db, pub, '2019-03-01', 1, org))).toBe('На 01.03.2019 остаток 0 экз., не хватает 1');
  });
});

describe('reversals', () => {
  beforeEach(() => {
    receive(t.db, pub, '2019-03-01', 100);
  });

  it('a reversed distribution counts nowhere, and the reversal points to it', () => {
    const wrong = handOut(t.db, pub, '2019-03-05', 70, org);
    const result = reverseMovement(t.db, { movementId: wrong.id, reason: 'Выдача внесена дважды' }, TODAY);
    expect(result.balance).toBe(100);
    const history = card().history;
    expect(history.find((m) => m.id === wrong.id)).toMatchObject({ reversedById: result.id, balanceAfter: null });
    expect(history.find((m) => m.id === result.id)).toMatchObject({
      kind: 'reversal',
      reversesId: wrong.id,
      reason: 'Выдача внесена дважды',
    });
    expect(movementStatement(t.db, { from: '2019-01-01', to: '2019-12-31' }).totals.distributed).toBe(0);
  });

  it('refuses to reverse a print run whose copies were handed out, a movement twice, or a reversal', () => {
    const out = handOut(t.db, pub, '2019-03-05', 70, org);
    const run = t.sqlite.prepare("SELECT id FROM publication_movements WHERE kind = 'receipt'").pluck().get() as number;
    expect(refusal(() => reverseMovement(t.db, { movementId: run, reason: 'Ошибка' }, TODAY))).toContain('экземпляров ещё не поступало');
    const reversal = reverseMovement(t.db, { movementId: out.id, reason: 'Ошибка' }, TODAY);
    expect(refusal(() => reverseMovement(t.db, { movementId: out.id, reason: 'Ошибка' }, TODAY))).toContain('уже сторнировано');
    expect(refusal(() => reverseMovement(t.db, { movementId: reversal.id, reason: 'Ошибка' }, TODAY))).toBe(
      'Сторно не сторнируют: внесите движение заново',
    );
  });

  it('no path edits a movement: SQLite itself refuses changing its quantity or date', () => {
    expect(() => t.sqlite.prepare('UPDATE publication_movements SET quantity = 1000').run()).toThrow(/не изменяют/);
    expect(() => t.sqlite.prepare("UPDATE publication_movements SET date = '2018-01-01'").run()).toThrow(/не изменяют/);
    expect(() => t.sqlite.prepare("UPDATE publication_movements SET recorded_at = '2018-01-01'").run()).toThrow(/не изменяют/);
  });

  it('SQLite refuses a quantity that is not whole and positive, and a distribution without one recipient', () => {
    const insert = (kind: string, quantity: number, organization: number | null = null) =>
      t.sqlite
        .prepare('INSERT INTO publication_movements (publication_id, kind, date, quantity, organization_id) VALUES (?, ?, ?, ?, ?)')
        .run(pub, kind, '2019-04-01', quantity, organization);
    expect(() => insert('receipt', 0)).toThrow(/CHECK/);
    expect(() => insert('receipt', 1.5)).toThrow(/CHECK/);
    expect(() => insert('distribution', 5)).toThrow(/CHECK/);
    expect(() => insert('receipt', 5, org)).toThrow(/CHECK/);
    expect(() => insert('stocktake', -1)).toThrow(/CHECK/);
    expect(() => insert('stocktake', 0)).not.toThrow();
  });
});

describe('the schema', () => {
  it('no column outside the movements holds stock on hand (the minimum level is a setting)', () => {
    const stockLike = /quantity|balance|stock|copies|on_hand|remain|count$|total/;
    const found = (Object.values(schema) as unknown[])
      .filter((v): v is SQLiteTable => is(v, SQLiteTable))
      .flatMap((table) =>
        Object.values(getTableColumns(table))
          .map((c) => `${getTableName(table)}.${c.name}`)
          .filter((name) => stockLike.test(name.split('.')[1]!)),
      )
      .filter((name) => name.startsWith('publication') || /quantity|balance|stock|copies/.test(name));
    // An act of write-off's line says what the act writes off; it becomes a movement when the act is signed and is never read as stock.
    expect(found.sort()).toEqual(['publication_movements.quantity', 'publications.min_stock', 'write_off_act_lines.quantity']);
  });
});

describe('the movement statement', () => {
  it('adds up per publication: start + received − distributed − written off + stocktake = end', () => {
    receive(t.db, pub, '2018-12-01', 50);
    receive(t.db, pub, '2019-03-01', 300);
    handOut(t.db, pub, '2019-03-10', 120, org);
    move(t.db, pub, { kind: 'writeOff', date: '2019-04-01', quantity: 5, reason: 'Испорчены' });
    count(t.db, pub, '2019-06-30', 200);
    handOut(t.db, pub, '2019-08-01', 30, org);
    const s = movementStatement(t.db, { from: '2019-01-01', to: '2019-12-31' });
    expect(s.rows).toEqual([
      expect.objectContaining({ start: 50, received: 300, distributed: 150, writtenOff: 5, stocktake: -25, end: 170 }),
    ]);
    expect(s.byKind).toEqual([{ label: 'Листовка', copies: 150 }]);
    expect(s.byMunicipality).toEqual([{ label: 'Муниципальное образование не указано', copies: 150 }]);
  });
});

describe('the check of a write reads only its window', () => {
  beforeEach(() => {
    receive(t.db, pub, '2019-03-01', 100);
    handOut(t.db, pub, '2019-03-10', 30, org);
    count(t.db, pub, '2019-04-01', 60);
    handOut(t.db, pub, '2019-04-10', 50, org);
    receive(t.db, pub, '2019-05-01', 20);
    count(t.db, pub, '2019-06-01', 25);
    handOut(t.db, pub, '2019-06-10', 20, org);
  });

  /** What a walk over the whole history says of the distribution, written and rolled back. */
  function wholeHistory(date: string, quantity: number) {
    let walked: ReturnType<typeof walk> | undefined;
    try {
      t.sqlite.transaction(() => {
        t.sqlite
          .prepare(
            "INSERT INTO publication_movements (publication_id, kind, date, quantity, organization_id) VALUES (?, 'distribution', ?, ?, ?)",
          )
          .run(pub, date, quantity, org);
        walked = walk(ledgerRows(t.db, pub), { upTo: TODAY });
        throw new Error('rollback');
      })();
    } catch {
      // rolled back on purpose
    }
    return walked!;
  }

  it('accepts and refuses exactly what a walk over the whole history would, and answers today’s balance', () => {
    const dates = [
      '2019-03-01',
      '2019-03-05',
      '2019-03-10',
      '2019-03-31',
      '2019-04-01',
      '2019-04-05',
      '2019-05-01',
      '2019-05-31',
      '2019-06-01',
      '2019-06-10',
      '2019-07-01',
    ];
    let accepted = 0;
    for (const date of dates)
      for (const quantity of [1, 5, 10, 20, 50, 70, 100]) {
        const whole = wholeHistory(date, quantity);
        let result: ReturnType<typeof handOut> | null = null;
        let message = '';
        try {
          result = handOut(t.db, pub, date, quantity, org);
        } catch (e) {
          message = (e as Error).message;
        }
        expect(result === null, `${date} × ${quantity}: ${message}`).toBe(whole.problem !== null);
        if (result) {
          accepted++;
          expect(result.balance).toBe(whole.balance);
          expect(result.balance).toBe(card().balance);
          // Undo it for the next try: the reversal is checked by the same window.
          reverseMovement(t.db, { movementId: result.id, reason: 'Проба' }, TODAY);
        } else if (whole.problem?.kind === 'negative') {
          expect(message.toLowerCase()).toContain(`остаток ${whole.problem.before} экз., не хватает ${whole.problem.shortfall}`);
        }
      }
    // Both answers occur: the grid is not all refusals or all acceptances.
    expect(accepted).toBeGreaterThan(10);
    expect(accepted).toBeLessThan(dates.length * 7);
  });
});
