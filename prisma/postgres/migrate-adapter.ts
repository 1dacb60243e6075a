import { PrismaPg } from "@prisma/adapter-pg";

// Prisma's WebAssembly schema engine reads PostgreSQL's catalog through the driver adapter, and
// @prisma/adapter-pg 6.19 refuses catalog column types such as `name` ("Column type 'name'
// could not be deserialized", prisma/orm#27403). Those are text to the engine, so results of
// the migration connection report them as text. The app's own queries never select them.
const AS_TEXT = new Map<number, number>([
  [18, 25], // "char"
  [19, 25], // name
  [24, 25], // regproc
  [194, 25], // pg_node_tree
  [2205, 25], // regclass
  [1002, 1009], // "char"[]
  [1003, 1009], // name[]
]);

type Field = { dataTypeID: number };
type Queryable = {
  performIO: (query: unknown) => Promise<{ fields: Field[] }>;
  startTransaction?: (...args: unknown[]) => Promise<unknown>;
  executeScript?: (script: string) => Promise<void>;
  client?: { query: (text: string) => Promise<unknown> };
  onError?: (error: unknown) => never;
};

function patch<T>(queryable: T): T {
  const q = queryable as unknown as Queryable;
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) field.dataTypeID = AS_TEXT.get(field.dataTypeID) ?? field.dataTypeID;
    return result;
  };
  // A migration script is sent whole: @prisma/adapter-pg 6.19 splits it at every ";" and runs the
  // pieces one by one, which breaks function bodies (decision 040's triggers) and leaves a failed
  // migration half applied. One simple-protocol query runs all statements in one transaction.
  if (q.executeScript && q.client && q.onError) {
    const { client, onError } = q as Required<Pick<Queryable, "client" | "onError">>;
    q.executeScript = async (script) => {
      try {
        await client.query(script);
      } catch (error) {
        onError.call(q, error);
      }
    };
  }
  if (q.startTransaction) {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (...args) => patch(await start(...args));
  }
  return queryable;
}

export class MigratePrismaPg extends PrismaPg {
  override async connect() {
    return patch(await super.connect());
  }
  override async connectToShadowDb() {
    return patch(await super.connectToShadowDb());
  }
}
