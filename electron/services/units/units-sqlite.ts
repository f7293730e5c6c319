/**
 * The overview of many units as one SQLite file (`ziping summary … --out 汇总.sqlite`): tables
 * units, forms, indicators and failed with the columns of the CSV files (shared/units/units-tables,
 * docs/summary-schema.md), one row per thing. Built in memory and written whole under a temporary
 * name, then renamed: a half-written file never carries the target's name.
 */
import Database from 'better-sqlite3';
import { unitsTables, type SqlType } from '../../../shared/units/units-tables';
import { writeFileAtomic } from '../files';
import type { UnitsScan } from './scan-units';

const SQLITE_TYPE: Record<SqlType, string> = { text: 'TEXT', integer: 'INTEGER', number: 'REAL' };

export function unitsSqliteBytes(scan: UnitsScan): Buffer {
  const db = new Database(':memory:');
  try {
    for (const table of unitsTables(scan)) {
      const columns = table.columns.map(
        (c) => `${c.sql} ${SQLITE_TYPE[c.type]}${table.key.includes(c.sql) ? ' NOT NULL' : ''}`,
      );
      db.exec(`CREATE TABLE ${table.sql} (${columns.join(', ')}, PRIMARY KEY (${table.key.join(', ')}))`);
      const insert = db.prepare(
        `INSERT INTO ${table.sql} VALUES (${table.columns.map(() => '?').join(', ')})`,
      );
      db.transaction(() => {
        for (const row of table.rows) insert.run(row);
      })();
    }
    return db.serialize();
  } finally {
    db.close();
  }
}

export function writeUnitsSqlite(file: string, scan: UnitsScan): void {
  writeFileAtomic(file, unitsSqliteBytes(scan));
}
