export const id = 4192;
export const ids = [4192];
export const modules = {

/***/ 4192:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  drizzle: () => (/* reexport */ drizzle)
});

// UNUSED EXPORTS: NodePgDatabase, NodePgDriver, NodePgPreparedQuery, NodePgSession, NodePgTransaction

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/entity.js
var entity = __webpack_require__(1731);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/logger.js
var drizzle_orm_logger = __webpack_require__(1352);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/pg-core/db.js + 7 modules
var db = __webpack_require__(6763);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/pg-core/dialect.js
var pg_core_dialect = __webpack_require__(888);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/relations.js + 1 modules
var relations = __webpack_require__(1700);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/utils.js
var utils = __webpack_require__(963);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/cache/core/cache.js
var cache = __webpack_require__(6162);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/pg-core/session.js
var session = __webpack_require__(2422);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/sql/sql.js
var sql = __webpack_require__(6133);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/tracing.js
var tracing = __webpack_require__(2328);
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/node-postgres/session.js









const { Pool, types } = esm["default"];
class NodePgPreparedQuery extends session/* PgPreparedQuery */.XO {
  constructor(client, queryString, params, logger, cache, queryMetadata, cacheConfig, fields, name, _isResponseInArrayMode, customResultMapper) {
    super({ sql: queryString, params }, cache, queryMetadata, cacheConfig);
    this.client = client;
    this.queryString = queryString;
    this.params = params;
    this.logger = logger;
    this.fields = fields;
    this._isResponseInArrayMode = _isResponseInArrayMode;
    this.customResultMapper = customResultMapper;
    this.rawQueryConfig = {
      name,
      text: queryString,
      types: {
        // @ts-ignore
        getTypeParser: (typeId, format) => {
          if (typeId === types.builtins.TIMESTAMPTZ) {
            return (val) => val;
          }
          if (typeId === types.builtins.TIMESTAMP) {
            return (val) => val;
          }
          if (typeId === types.builtins.DATE) {
            return (val) => val;
          }
          if (typeId === types.builtins.INTERVAL) {
            return (val) => val;
          }
          if (typeId === 1231) {
            return (val) => val;
          }
          if (typeId === 1115) {
            return (val) => val;
          }
          if (typeId === 1185) {
            return (val) => val;
          }
          if (typeId === 1187) {
            return (val) => val;
          }
          if (typeId === 1182) {
            return (val) => val;
          }
          return types.getTypeParser(typeId, format);
        }
      }
    };
    this.queryConfig = {
      name,
      text: queryString,
      rowMode: "array",
      types: {
        // @ts-ignore
        getTypeParser: (typeId, format) => {
          if (typeId === types.builtins.TIMESTAMPTZ) {
            return (val) => val;
          }
          if (typeId === types.builtins.TIMESTAMP) {
            return (val) => val;
          }
          if (typeId === types.builtins.DATE) {
            return (val) => val;
          }
          if (typeId === types.builtins.INTERVAL) {
            return (val) => val;
          }
          if (typeId === 1231) {
            return (val) => val;
          }
          if (typeId === 1115) {
            return (val) => val;
          }
          if (typeId === 1185) {
            return (val) => val;
          }
          if (typeId === 1187) {
            return (val) => val;
          }
          if (typeId === 1182) {
            return (val) => val;
          }
          return types.getTypeParser(typeId, format);
        }
      }
    };
  }
  static [entity/* entityKind */.i] = "NodePgPreparedQuery";
  rawQueryConfig;
  queryConfig;
  async execute(placeholderValues = {}) {
    return tracing/* tracer */.k.startActiveSpan("drizzle.execute", async () => {
      const params = (0,sql/* fillPlaceholders */.Ct)(this.params, placeholderValues);
      this.logger.logQuery(this.rawQueryConfig.text, params);
      const { fields, rawQueryConfig: rawQuery, client, queryConfig: query, joinsNotNullableMap, customResultMapper } = this;
      if (!fields && !customResultMapper) {
        return tracing/* tracer */.k.startActiveSpan("drizzle.driver.execute", async (span) => {
          span?.setAttributes({
            "drizzle.query.name": rawQuery.name,
            "drizzle.query.text": rawQuery.text,
            "drizzle.query.params": JSON.stringify(params)
          });
          return this.queryWithCache(rawQuery.text, params, async () => {
            return await client.query(rawQuery, params);
          });
        });
      }
      const result = await tracing/* tracer */.k.startActiveSpan("drizzle.driver.execute", (span) => {
        span?.setAttributes({
          "drizzle.query.name": query.name,
          "drizzle.query.text": query.text,
          "drizzle.query.params": JSON.stringify(params)
        });
        return this.queryWithCache(query.text, params, async () => {
          return await client.query(query, params);
        });
      });
      return tracing/* tracer */.k.startActiveSpan("drizzle.mapResponse", () => {
        return customResultMapper ? customResultMapper(result.rows) : result.rows.map((row) => (0,utils/* mapResultRow */.a6)(fields, row, joinsNotNullableMap));
      });
    });
  }
  all(placeholderValues = {}) {
    return tracing/* tracer */.k.startActiveSpan("drizzle.execute", () => {
      const params = (0,sql/* fillPlaceholders */.Ct)(this.params, placeholderValues);
      this.logger.logQuery(this.rawQueryConfig.text, params);
      return tracing/* tracer */.k.startActiveSpan("drizzle.driver.execute", (span) => {
        span?.setAttributes({
          "drizzle.query.name": this.rawQueryConfig.name,
          "drizzle.query.text": this.rawQueryConfig.text,
          "drizzle.query.params": JSON.stringify(params)
        });
        return this.queryWithCache(this.rawQueryConfig.text, params, async () => {
          return this.client.query(this.rawQueryConfig, params);
        }).then((result) => result.rows);
      });
    });
  }
  /** @internal */
  isResponseInArrayMode() {
    return this._isResponseInArrayMode;
  }
}
class NodePgSession extends session/* PgSession */.uC {
  constructor(client, dialect, schema, options = {}) {
    super(dialect);
    this.client = client;
    this.schema = schema;
    this.options = options;
    this.logger = options.logger ?? new drizzle_orm_logger/* NoopLogger */.Pv();
    this.cache = options.cache ?? new cache/* NoopCache */.Th();
  }
  static [entity/* entityKind */.i] = "NodePgSession";
  logger;
  cache;
  prepareQuery(query, fields, name, isResponseInArrayMode, customResultMapper, queryMetadata, cacheConfig) {
    return new NodePgPreparedQuery(
      this.client,
      query.sql,
      query.params,
      this.logger,
      this.cache,
      queryMetadata,
      cacheConfig,
      fields,
      name,
      isResponseInArrayMode,
      customResultMapper
    );
  }
  async transaction(transaction, config) {
    const isPool = this.client instanceof Pool || Object.getPrototypeOf(this.client).constructor.name.includes("Pool");
    const session = isPool ? new NodePgSession(await this.client.connect(), this.dialect, this.schema, this.options) : this;
    const tx = new NodePgTransaction(this.dialect, session, this.schema);
    await tx.execute((0,sql/* sql */.ll)`begin${config ? (0,sql/* sql */.ll)` ${tx.getTransactionConfigSQL(config)}` : void 0}`);
    try {
      const result = await transaction(tx);
      await tx.execute((0,sql/* sql */.ll)`commit`);
      return result;
    } catch (error) {
      await tx.execute((0,sql/* sql */.ll)`rollback`);
      throw error;
    } finally {
      if (isPool) session.client.release();
    }
  }
  async count(sql2) {
    const res = await this.execute(sql2);
    return Number(
      res["rows"][0]["count"]
    );
  }
}
class NodePgTransaction extends session/* PgTransaction */.yK {
  static [entity/* entityKind */.i] = "NodePgTransaction";
  async transaction(transaction) {
    const savepointName = `sp${this.nestedIndex + 1}`;
    const tx = new NodePgTransaction(
      this.dialect,
      this.session,
      this.schema,
      this.nestedIndex + 1
    );
    await tx.execute(sql/* sql */.ll.raw(`savepoint ${savepointName}`));
    try {
      const result = await transaction(tx);
      await tx.execute(sql/* sql */.ll.raw(`release savepoint ${savepointName}`));
      return result;
    } catch (err) {
      await tx.execute(sql/* sql */.ll.raw(`rollback to savepoint ${savepointName}`));
      throw err;
    }
  }
}

//# sourceMappingURL=session.js.map
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/node-postgres/driver.js








class NodePgDriver {
  constructor(client, dialect, options = {}) {
    this.client = client;
    this.dialect = dialect;
    this.options = options;
  }
  static [entity/* entityKind */.i] = "NodePgDriver";
  createSession(schema) {
    return new NodePgSession(this.client, this.dialect, schema, {
      logger: this.options.logger,
      cache: this.options.cache
    });
  }
}
class NodePgDatabase extends db/* PgDatabase */.p {
  static [entity/* entityKind */.i] = "NodePgDatabase";
}
function construct(client, config = {}) {
  const dialect = new pg_core_dialect/* PgDialect */.s({ casing: config.casing });
  let logger;
  if (config.logger === true) {
    logger = new drizzle_orm_logger/* DefaultLogger */.w();
  } else if (config.logger !== false) {
    logger = config.logger;
  }
  let schema;
  if (config.schema) {
    const tablesConfig = (0,relations/* extractTablesRelationalConfig */._k)(
      config.schema,
      relations/* createTableRelationsHelpers */.DZ
    );
    schema = {
      fullSchema: config.schema,
      schema: tablesConfig.tables,
      tableNamesMap: tablesConfig.tableNamesMap
    };
  }
  const driver = new NodePgDriver(client, dialect, { logger, cache: config.cache });
  const session = driver.createSession(schema);
  const db = new NodePgDatabase(dialect, session, schema);
  db.$client = client;
  db.$cache = config.cache;
  if (db.$cache) {
    db.$cache["invalidate"] = config.cache?.onMutate;
  }
  return db;
}
function drizzle(...params) {
  if (typeof params[0] === "string") {
    const instance = new esm["default"].Pool({
      connectionString: params[0]
    });
    return construct(instance, params[1]);
  }
  if ((0,utils/* isConfig */.Lq)(params[0])) {
    const { connection, client, ...drizzleConfig } = params[0];
    if (client) return construct(client, drizzleConfig);
    const instance = typeof connection === "string" ? new esm["default"].Pool({
      connectionString: connection
    }) : new esm["default"].Pool(connection);
    return construct(instance, drizzleConfig);
  }
  return construct(params[0], params[1]);
}
((drizzle2) => {
  function mock(config) {
    return construct({}, config);
  }
  drizzle2.mock = mock;
})(drizzle || (drizzle = {}));

//# sourceMappingURL=driver.js.map
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/node-postgres/index.js


//# sourceMappingURL=index.js.map

/***/ })

};
