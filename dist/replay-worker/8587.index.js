export const id = 8587;
export const ids = [8587,1989];
export const modules = {

/***/ 1989:
/***/ ((module) => {

module.exports = eval("require")("@neondatabase/serverless");


/***/ }),

/***/ 8587:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  drizzle: () => (/* reexport */ drizzle)
});

// UNUSED EXPORTS: NeonDatabase, NeonDriver, NeonPreparedQuery, NeonSession, NeonTransaction

// EXTERNAL MODULE: ./node_modules/@vercel/ncc/dist/ncc/@@notfound.js?@neondatabase/serverless
var serverless = __webpack_require__(1989);
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
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/neon-serverless/session.js








class NeonPreparedQuery extends session/* PgPreparedQuery */.XO {
  constructor(client, queryString, params, logger, cache, queryMetadata, cacheConfig, fields, name, _isResponseInArrayMode, customResultMapper) {
    super({ sql: queryString, params }, cache, queryMetadata, cacheConfig);
    this.client = client;
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
          if (typeId === serverless.types.builtins.TIMESTAMPTZ) {
            return (val) => val;
          }
          if (typeId === serverless.types.builtins.TIMESTAMP) {
            return (val) => val;
          }
          if (typeId === serverless.types.builtins.DATE) {
            return (val) => val;
          }
          if (typeId === serverless.types.builtins.INTERVAL) {
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
          return serverless.types.getTypeParser(typeId, format);
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
          if (typeId === serverless.types.builtins.TIMESTAMPTZ) {
            return (val) => val;
          }
          if (typeId === serverless.types.builtins.TIMESTAMP) {
            return (val) => val;
          }
          if (typeId === serverless.types.builtins.DATE) {
            return (val) => val;
          }
          if (typeId === serverless.types.builtins.INTERVAL) {
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
          return serverless.types.getTypeParser(typeId, format);
        }
      }
    };
  }
  static [entity/* entityKind */.i] = "NeonPreparedQuery";
  rawQueryConfig;
  queryConfig;
  async execute(placeholderValues = {}) {
    const params = (0,sql/* fillPlaceholders */.Ct)(this.params, placeholderValues);
    this.logger.logQuery(this.rawQueryConfig.text, params);
    const { fields, client, rawQueryConfig: rawQuery, queryConfig: query, joinsNotNullableMap, customResultMapper } = this;
    if (!fields && !customResultMapper) {
      return await this.queryWithCache(rawQuery.text, params, async () => {
        return await client.query(rawQuery, params);
      });
    }
    const result = await this.queryWithCache(query.text, params, async () => {
      return await client.query(query, params);
    });
    return customResultMapper ? customResultMapper(result.rows) : result.rows.map((row) => (0,utils/* mapResultRow */.a6)(fields, row, joinsNotNullableMap));
  }
  all(placeholderValues = {}) {
    const params = (0,sql/* fillPlaceholders */.Ct)(this.params, placeholderValues);
    this.logger.logQuery(this.rawQueryConfig.text, params);
    return this.queryWithCache(this.rawQueryConfig.text, params, async () => {
      return await this.client.query(this.rawQueryConfig, params);
    }).then((result) => result.rows);
  }
  values(placeholderValues = {}) {
    const params = (0,sql/* fillPlaceholders */.Ct)(this.params, placeholderValues);
    this.logger.logQuery(this.rawQueryConfig.text, params);
    return this.queryWithCache(this.queryConfig.text, params, async () => {
      return await this.client.query(this.queryConfig, params);
    }).then((result) => result.rows);
  }
  /** @internal */
  isResponseInArrayMode() {
    return this._isResponseInArrayMode;
  }
}
class NeonSession extends session/* PgSession */.uC {
  constructor(client, dialect, schema, options = {}) {
    super(dialect);
    this.client = client;
    this.schema = schema;
    this.options = options;
    this.logger = options.logger ?? new drizzle_orm_logger/* NoopLogger */.Pv();
    this.cache = options.cache ?? new cache/* NoopCache */.Th();
  }
  static [entity/* entityKind */.i] = "NeonSession";
  logger;
  cache;
  prepareQuery(query, fields, name, isResponseInArrayMode, customResultMapper, queryMetadata, cacheConfig) {
    return new NeonPreparedQuery(
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
  async query(query, params) {
    this.logger.logQuery(query, params);
    const result = await this.client.query({
      rowMode: "array",
      text: query,
      values: params
    });
    return result;
  }
  async queryObjects(query, params) {
    return this.client.query(query, params);
  }
  async count(sql2) {
    const res = await this.execute(sql2);
    return Number(
      res["rows"][0]["count"]
    );
  }
  async transaction(transaction, config = {}) {
    const session = this.client instanceof serverless.Pool ? new NeonSession(await this.client.connect(), this.dialect, this.schema, this.options) : this;
    const tx = new NeonTransaction(this.dialect, session, this.schema);
    await tx.execute((0,sql/* sql */.ll)`begin ${tx.getTransactionConfigSQL(config)}`);
    try {
      const result = await transaction(tx);
      await tx.execute((0,sql/* sql */.ll)`commit`);
      return result;
    } catch (error) {
      await tx.execute((0,sql/* sql */.ll)`rollback`);
      throw error;
    } finally {
      if (this.client instanceof serverless.Pool) {
        session.client.release();
      }
    }
  }
}
class NeonTransaction extends session/* PgTransaction */.yK {
  static [entity/* entityKind */.i] = "NeonTransaction";
  async transaction(transaction) {
    const savepointName = `sp${this.nestedIndex + 1}`;
    const tx = new NeonTransaction(this.dialect, this.session, this.schema, this.nestedIndex + 1);
    await tx.execute(sql/* sql */.ll.raw(`savepoint ${savepointName}`));
    try {
      const result = await transaction(tx);
      await tx.execute(sql/* sql */.ll.raw(`release savepoint ${savepointName}`));
      return result;
    } catch (e) {
      await tx.execute(sql/* sql */.ll.raw(`rollback to savepoint ${savepointName}`));
      throw e;
    }
  }
}

//# sourceMappingURL=session.js.map
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/neon-serverless/driver.js








class NeonDriver {
  constructor(client, dialect, options = {}) {
    this.client = client;
    this.dialect = dialect;
    this.options = options;
  }
  static [entity/* entityKind */.i] = "NeonDriver";
  createSession(schema) {
    return new NeonSession(this.client, this.dialect, schema, {
      logger: this.options.logger,
      cache: this.options.cache
    });
  }
}
class NeonDatabase extends db/* PgDatabase */.p {
  static [entity/* entityKind */.i] = "NeonServerlessDatabase";
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
  const driver = new NeonDriver(client, dialect, { logger, cache: config.cache });
  const session = driver.createSession(schema);
  const db = new NeonDatabase(dialect, session, schema);
  db.$client = client;
  db.$cache = config.cache;
  if (db.$cache) {
    db.$cache["invalidate"] = config.cache?.onMutate;
  }
  return db;
}
function drizzle(...params) {
  if (typeof params[0] === "string") {
    const instance = new serverless.Pool({
      connectionString: params[0]
    });
    return construct(instance, params[1]);
  }
  if ((0,utils/* isConfig */.Lq)(params[0])) {
    const { connection, client, ws, ...drizzleConfig } = params[0];
    if (ws) {
      serverless.neonConfig.webSocketConstructor = ws;
    }
    if (client) return construct(client, drizzleConfig);
    const instance = typeof connection === "string" ? new serverless.Pool({
      connectionString: connection
    }) : new serverless.Pool(connection);
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
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/neon-serverless/index.js


//# sourceMappingURL=index.js.map

/***/ })

};
