export const id = 8291;
export const ids = [8291,1568];
export const modules = {

/***/ 1568:
/***/ ((module) => {

module.exports = eval("require")("postgres");


/***/ }),

/***/ 8291:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  drizzle: () => (/* reexport */ drizzle)
});

// UNUSED EXPORTS: PostgresJsDatabase, PostgresJsPreparedQuery, PostgresJsSession, PostgresJsTransaction

// EXTERNAL MODULE: ./node_modules/@vercel/ncc/dist/ncc/@@notfound.js?postgres
var _notfoundpostgres = __webpack_require__(1568);
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
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/postgres-js/session.js








class PostgresJsPreparedQuery extends session/* PgPreparedQuery */.XO {
  constructor(client, queryString, params, logger, cache, queryMetadata, cacheConfig, fields, _isResponseInArrayMode, prepare, customResultMapper) {
    super({ sql: queryString, params }, cache, queryMetadata, cacheConfig);
    this.client = client;
    this.queryString = queryString;
    this.params = params;
    this.logger = logger;
    this.fields = fields;
    this._isResponseInArrayMode = _isResponseInArrayMode;
    this.prepare = prepare;
    this.customResultMapper = customResultMapper;
  }
  static [entity/* entityKind */.i] = "PostgresJsPreparedQuery";
  async execute(placeholderValues = {}) {
    return tracing/* tracer */.k.startActiveSpan("drizzle.execute", async (span) => {
      const params = (0,sql/* fillPlaceholders */.Ct)(this.params, placeholderValues);
      span?.setAttributes({
        "drizzle.query.text": this.queryString,
        "drizzle.query.params": JSON.stringify(params)
      });
      this.logger.logQuery(this.queryString, params);
      const { fields, queryString: query, client, joinsNotNullableMap, customResultMapper } = this;
      if (!fields && !customResultMapper) {
        return tracing/* tracer */.k.startActiveSpan("drizzle.driver.execute", () => {
          return this.queryWithCache(query, params, async () => {
            return await client.unsafe(query, params, {
              prepare: this.prepare
            });
          });
        });
      }
      const rows = await tracing/* tracer */.k.startActiveSpan("drizzle.driver.execute", () => {
        span?.setAttributes({
          "drizzle.query.text": query,
          "drizzle.query.params": JSON.stringify(params)
        });
        return this.queryWithCache(query, params, async () => {
          return await client.unsafe(query, params, {
            prepare: this.prepare
          }).values();
        });
      });
      return tracing/* tracer */.k.startActiveSpan("drizzle.mapResponse", () => {
        return customResultMapper ? customResultMapper(rows) : rows.map((row) => (0,utils/* mapResultRow */.a6)(fields, row, joinsNotNullableMap));
      });
    });
  }
  all(placeholderValues = {}) {
    return tracing/* tracer */.k.startActiveSpan("drizzle.execute", async (span) => {
      const params = (0,sql/* fillPlaceholders */.Ct)(this.params, placeholderValues);
      span?.setAttributes({
        "drizzle.query.text": this.queryString,
        "drizzle.query.params": JSON.stringify(params)
      });
      this.logger.logQuery(this.queryString, params);
      return tracing/* tracer */.k.startActiveSpan("drizzle.driver.execute", () => {
        span?.setAttributes({
          "drizzle.query.text": this.queryString,
          "drizzle.query.params": JSON.stringify(params)
        });
        return this.queryWithCache(this.queryString, params, async () => {
          return this.client.unsafe(this.queryString, params, {
            prepare: this.prepare
          });
        });
      });
    });
  }
  /** @internal */
  isResponseInArrayMode() {
    return this._isResponseInArrayMode;
  }
}
class PostgresJsSession extends session/* PgSession */.uC {
  constructor(client, dialect, schema, options = {}) {
    super(dialect);
    this.client = client;
    this.schema = schema;
    this.options = options;
    this.logger = options.logger ?? new drizzle_orm_logger/* NoopLogger */.Pv();
    this.cache = options.cache ?? new cache/* NoopCache */.Th();
  }
  static [entity/* entityKind */.i] = "PostgresJsSession";
  logger;
  cache;
  prepareQuery(query, fields, name, isResponseInArrayMode, customResultMapper, queryMetadata, cacheConfig) {
    return new PostgresJsPreparedQuery(
      this.client,
      query.sql,
      query.params,
      this.logger,
      this.cache,
      queryMetadata,
      cacheConfig,
      fields,
      isResponseInArrayMode,
      name !== void 0,
      customResultMapper
    );
  }
  query(query, params) {
    this.logger.logQuery(query, params);
    return this.client.unsafe(query, params).values();
  }
  queryObjects(query, params) {
    return this.client.unsafe(query, params);
  }
  transaction(transaction, config) {
    return this.client.begin(async (client) => {
      const session = new PostgresJsSession(
        client,
        this.dialect,
        this.schema,
        this.options
      );
      const tx = new PostgresJsTransaction(this.dialect, session, this.schema);
      if (config) {
        await tx.setTransaction(config);
      }
      return transaction(tx);
    });
  }
}
class PostgresJsTransaction extends session/* PgTransaction */.yK {
  constructor(dialect, session, schema, nestedIndex = 0) {
    super(dialect, session, schema, nestedIndex);
    this.session = session;
  }
  static [entity/* entityKind */.i] = "PostgresJsTransaction";
  transaction(transaction) {
    return this.session.client.savepoint((client) => {
      const session = new PostgresJsSession(
        client,
        this.dialect,
        this.schema,
        this.session.options
      );
      const tx = new PostgresJsTransaction(this.dialect, session, this.schema);
      return transaction(tx);
    });
  }
}

//# sourceMappingURL=session.js.map
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/postgres-js/driver.js








class PostgresJsDatabase extends db/* PgDatabase */.p {
  static [entity/* entityKind */.i] = "PostgresJsDatabase";
}
function construct(client, config = {}) {
  const transparentParser = (val) => val;
  for (const type of ["1184", "1082", "1083", "1114", "1182", "1185", "1115", "1231"]) {
    client.options.parsers[type] = transparentParser;
    client.options.serializers[type] = transparentParser;
  }
  client.options.serializers["114"] = transparentParser;
  client.options.serializers["3802"] = transparentParser;
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
  const session = new PostgresJsSession(client, dialect, schema, { logger, cache: config.cache });
  const db = new PostgresJsDatabase(dialect, session, schema);
  db.$client = client;
  db.$cache = config.cache;
  if (db.$cache) {
    db.$cache["invalidate"] = config.cache?.onMutate;
  }
  return db;
}
function drizzle(...params) {
  if (typeof params[0] === "string") {
    const instance = _notfoundpostgres(params[0]);
    return construct(instance, params[1]);
  }
  if ((0,utils/* isConfig */.Lq)(params[0])) {
    const { connection, client, ...drizzleConfig } = params[0];
    if (client) return construct(client, drizzleConfig);
    if (typeof connection === "object" && connection.url !== void 0) {
      const { url, ...config } = connection;
      const instance2 = _notfoundpostgres(url, config);
      return construct(instance2, drizzleConfig);
    }
    const instance = _notfoundpostgres(connection);
    return construct(instance, drizzleConfig);
  }
  return construct(params[0], params[1]);
}
((drizzle2) => {
  function mock(config) {
    return construct({
      options: {
        parsers: {},
        serializers: {}
      }
    }, config);
  }
  drizzle2.mock = mock;
})(drizzle || (drizzle = {}));

//# sourceMappingURL=driver.js.map
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/postgres-js/index.js


//# sourceMappingURL=index.js.map

/***/ })

};
