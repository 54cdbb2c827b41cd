// The scripting API of Postman collections ("pm", the legacy globals, console, require), written for
// Postern on top of the real chai, lodash and moment. Evaluated once per engine; it returns the object
// ScriptEngine calls: sandbox(context) gives the globals of one script, collect(sandbox) what the
// script left behind. Everything that leaves the engine goes through `host` (ScriptHost in C++).
(function (global, host, modules, assertions, makeCryptoJs) {
    'use strict';

    var chai = modules.require('chai');
    var _ = modules.require('lodash');

    // ---- Lists of {key, value} (headers, query parameters, variables) ----------------------------

    function PropertyList(items, caseInsensitive) {
        this._items = [];
        this._ci = !!caseInsensitive;
        var self = this;
        (items || []).forEach(function (item) { self.add(item); });
    }
    PropertyList.prototype._same = function (a, b) {
        return this._ci ? String(a).toLowerCase() === String(b).toLowerCase() : a === b;
    };
    PropertyList.prototype._index = function (key) {
        for (var i = 0; i < this._items.length; ++i) {
            if (!this._items[i].disabled && this._same(this._items[i].key, key))
                return i;
        }
        return -1;
    };
    PropertyList.prototype.add = function (item) {
        if (typeof item === 'string') {
            var colon = item.indexOf(':');
            item = colon < 0 ? { key: item.trim(), value: '' }
                             : { key: item.slice(0, colon).trim(), value: item.slice(colon + 1).trim() };
        }
        if (item && item.key !== undefined)
            this._items.push({ key: String(item.key), value: item.value, disabled: !!item.disabled });
    };
    PropertyList.prototype.upsert = function (item) {
        var i = this._index(item.key);
        if (i < 0)
            return this.add(item);
        this._items[i].value = item.value;
    };
    PropertyList.prototype.remove = function (predicate) {
        var self = this;
        this._items = this._items.filter(function (item) {
            if (typeof predicate === 'function')
                return !predicate(item);
            if (predicate && typeof predicate === 'object')
                return item !== predicate && !self._same(item.key, predicate.key);
            return !self._same(item.key, predicate);
        });
    };
    PropertyList.prototype.clear = function () { this._items = []; };
    PropertyList.prototype.get = function (key) {
        var i = this._index(key);
        return i < 0 ? undefined : this._items[i].value;
    };
    PropertyList.prototype.one = function (key) {
        var i = this._index(key);
        return i < 0 ? undefined : this._items[i];
    };
    PropertyList.prototype.has = function (key, value) {
        var i = this._index(key);
        return i >= 0 && (arguments.length < 2 || this._items[i].value === value);
    };
    PropertyList.prototype.all = function () { return this._items.slice(); };
    PropertyList.prototype.count = function () { return this._items.length; };
    PropertyList.prototype.each = function (fn) { this._items.forEach(function (item) { fn(item); }); };
    PropertyList.prototype.map = function (fn) { return this._items.map(function (item) { return fn(item); }); };
    PropertyList.prototype.filter = function (fn) { return this._items.filter(function (item) { return fn(item); }); };
    PropertyList.prototype.find = function (fn) { return _.find(this._items, fn); };
    PropertyList.prototype.toObject = function () {
        var object = {};
        this._items.forEach(function (item) {
            if (!item.disabled)
                object[item.key] = item.value;
        });
        return object;
    };
    PropertyList.prototype.toJSON = function () { return this._items.slice(); };
    PropertyList.prototype.toString = function () {
        return this._items.filter(function (item) { return !item.disabled; })
            .map(function (item) { return item.key + ': ' + item.value; }).join('\n');
    };

    // ---- URL ------------------------------------------------------------------------------------

    function Url(text) { this.update(text); }
    Url.prototype.update = function (text) {
        text = String(text === undefined || text === null ? '' : text);
        var hash = text.indexOf('#');
        this.hash = hash < 0 ? undefined : text.slice(hash + 1);
        if (hash >= 0)
            text = text.slice(0, hash);
        var question = text.indexOf('?');
        var query = question < 0 ? '' : text.slice(question + 1);
        if (question >= 0)
            text = text.slice(0, question);
        var scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
        this.protocol = scheme ? scheme[1] : undefined;
        if (scheme)
            text = text.slice(scheme[0].length);
        var slash = text.indexOf('/');
        var authority = slash < 0 ? text : text.slice(0, slash);
        var path = slash < 0 ? '' : text.slice(slash + 1);
        var port = /:(\d+|\{\{[^}]*\}\})$/.exec(authority);
        this.port = port ? port[1] : undefined;
        if (port)
            authority = authority.slice(0, port.index);
        this.host = authority ? authority.split('.') : [];
        this.path = slash < 0 ? [] : path.split('/');
        this.query = new PropertyList(query ? query.split('&').map(function (pair) {
            var eq = pair.indexOf('=');
            return eq < 0 ? { key: pair, value: null } : { key: pair.slice(0, eq), value: pair.slice(eq + 1) };
        }) : []);
    };
    Url.prototype.getHost = function () { return this.host.join('.'); };
    Url.prototype.getPath = function () { return '/' + this.path.join('/'); };
    Url.prototype.getQueryString = function () {
        return this.query.all().filter(function (q) { return !q.disabled; }).map(function (q) {
            return q.value === null || q.value === undefined ? q.key : q.key + '=' + q.value;
        }).join('&');
    };
    Url.prototype.getRemote = function () { return this.getHost() + (this.port ? ':' + this.port : ''); };
    Url.prototype.addQueryParams = function (params) {
        var self = this;
        if (typeof params === 'string')
            params = params.split('&').map(function (p) { var e = p.indexOf('='); return { key: p.slice(0, e < 0 ? p.length : e), value: e < 0 ? null : p.slice(e + 1) }; });
        [].concat(params).forEach(function (p) { self.query.add(p); });
    };
    Url.prototype.removeQueryParams = function (keys) {
        var self = this;
        [].concat(keys).forEach(function (k) { self.query.remove(typeof k === 'object' ? k.key : k); });
    };
    Url.prototype.toString = function () {
        var text = (this.protocol ? this.protocol + '://' : '') + this.getRemote();
        if (this.path.length)
            text += '/' + this.path.join('/');
        var query = this.getQueryString();
        if (query || this.query.count())
            text += '?' + query;
        if (this.hash !== undefined)
            text += '#' + this.hash;
        return text;
    };
    Url.prototype.toJSON = function () { return this.toString(); };

    // ---- Variables ----------------------------------------------------------------------------

    var referencePattern = /\{\{([^{}\r\n]+)\}\}/g;

    function replaceIn(text, lookup) {
        if (typeof text !== 'string')
            return text;
        for (var depth = 0; depth < 20 && text.indexOf('{{') >= 0; ++depth) {
            var changed = false;
            text = text.replace(referencePattern, function (whole, name) {
                var value = lookup(name.trim());
                if (value === undefined)
                    return whole;
                changed = true;
                return value === null ? 'null' : (typeof value === 'object' ? JSON.stringify(value) : String(value));
            });
            if (!changed)
                break;
        }
        return text;
    }

    // One scope (globals, collection, environment): an ordered list of {key, value, enabled, secret}.
    function VariableScope(entries, name) {
        this._entries = entries;
        this._name = name;
    }
    // The last enabled entry of a key wins, as in Postman (and as {{key}} is replaced).
    VariableScope.prototype._find = function (key) {
        key = String(key);
        for (var i = this._entries.length - 1; i >= 0; --i) {
            if (this._entries[i].key === key && this._entries[i].enabled !== false)
                return this._entries[i];
        }
        return undefined;
    };
    VariableScope.prototype.has = function (key) { return this._find(key) !== undefined; };
    VariableScope.prototype.get = function (key) {
        var entry = this._find(key);
        if (!entry)
            return undefined;
        if (entry.secret)
            host.secretRead(this._name, String(key));
        return entry.value;
    };
    VariableScope.prototype.set = function (key, value) {
        var entry = this._find(key);
        if (entry)
            entry.value = value;
        else
            this._entries.push({ key: String(key), value: value, enabled: true });
    };
    VariableScope.prototype.unset = function (key) {
        key = String(key);
        for (var i = this._entries.length - 1; i >= 0; --i) {
            if (this._entries[i].key === key)
                this._entries.splice(i, 1);
        }
    };
    VariableScope.prototype.clear = function () { this._entries.length = 0; };
    VariableScope.prototype.toObject = function () {
        var object = {};
        this._entries.forEach(function (entry) {
            if (entry.enabled !== false)
                object[entry.key] = entry.value;
        });
        return object;
    };
    VariableScope.prototype.replaceIn = function (text) {
        var self = this;
        return replaceIn(text, function (name) { return self.has(name) ? self.get(name) : undefined; });
    };
    VariableScope.prototype.toJSON = function () { return this.toObject(); };

    // pm.variables: local, then the iteration's data, environment, collection, globals (Postman's order).
    function Variables(local, data, environment, collection, globals) {
        this._chain = [local, data, environment, collection, globals];
        this._local = local;
    }
    Variables.prototype.has = function (key) {
        return this._chain.some(function (scope) { return scope.has(key); });
    };
    Variables.prototype.get = function (key) {
        for (var i = 0; i < this._chain.length; ++i) {
            if (this._chain[i].has(key))
                return this._chain[i].get(key);
        }
        return undefined;
    };
    Variables.prototype.set = function (key, value) { this._local.set(key, value); };
    Variables.prototype.unset = function (key) { this._local.unset(key); };
    Variables.prototype.toObject = function () {
        var object = {};
        for (var i = this._chain.length - 1; i >= 0; --i)
            _.assign(object, this._chain[i].toObject());
        return object;
    };
    Variables.prototype.replaceIn = function (text) {
        var self = this;
        return replaceIn(text, function (name) { return self.has(name) ? self.get(name) : undefined; });
    };

    // ---- Request and response -----------------------------------------------------------------

    function Request(json) {
        this.id = json.id;
        this.name = json.name;
        this.description = json.description || undefined;
        this.method = json.method;
        this.url = new Url(json.url);
        this.headers = new PropertyList(json.headers, true);
        this.body = json.body ? _.cloneDeep(json.body) : undefined;
        this.auth = json.auth;
    }
    Request.prototype.addHeader = function (header) { this.headers.add(header); };
    Request.prototype.removeHeader = function (key) { this.headers.remove(key); };
    Request.prototype.upsertHeader = function (header) { this.headers.upsert(header); };
    Request.prototype.toJSON = function () {
        return { method: this.method, url: this.url.toString(), headers: this.headers.all(), body: this.body };
    };

    function Response(json) {
        this.code = json.code;
        this.status = json.status;
        this.headers = new PropertyList(json.headers, true);
        this.responseTime = json.responseTime;
        this.responseSize = json.responseSize;
        this.stream = undefined;
        this._body = json.body;
    }
    Response.prototype.text = function () { return this._body; };
    Response.prototype.json = function (reviver) {
        try {
            return JSON.parse(this._body, reviver);
        } catch (e) {
            var error = new Error('"' + String(this._body).slice(0, 50) + '" ' + e.message);
            error.name = 'JSONError';
            throw error;
        }
    };
    Response.prototype.reason = function () { return this.status; };
    Response.prototype.details = function () { return { code: this.code, name: this.status }; };
    Response.prototype.size = function () { return { body: this.responseSize, header: 0, total: this.responseSize }; };
    Response.prototype.toJSON = function () {
        return { code: this.code, status: this.status, headers: this.headers.all(), responseTime: this.responseTime };
    };
    Object.defineProperty(Response.prototype, 'to', {
        get: function () { return chai.expect(this).to; }
    });
    Object.defineProperty(Request.prototype, 'to', {
        get: function () { return chai.expect(this).to; }
    });

    // ---- chai: the response assertions of Postman's sandbox, with its messages (assertions.js) ---

    assertions(chai, _, Request, Response, modules);

    // ---- Timers, console, require, crypto-js ---------------------------------------------------

    function describe(value) {
        if (typeof value === 'string')
            return value;
        if (value instanceof Error)
            return value.name + ': ' + value.message;
        if (value === undefined)
            return 'undefined';
        if (typeof value === 'function')
            return '[Function' + (value.name ? ': ' + value.name : '') + ']';
        try {
            var text = JSON.stringify(value);
            return text === undefined ? String(value) : text;
        } catch (e) {
            return String(value);
        }
    }

    function makeConsole() {
        var console = {};
        ['log', 'info', 'warn', 'error', 'debug'].forEach(function (level) {
            console[level] = function () {
                host.console(level, Array.prototype.map.call(arguments, describe).join(' '));
            };
        });
        return console;
    }

    modules.console = makeConsole();

    var cryptoJs = makeCryptoJs(host);

    global.crypto = {
        getRandomValues: function (array) {
            var hex = host.randomHex(array.length);
            for (var i = 0; i < array.length; ++i)
                array[i] = parseInt(hex.substr(i * 2, 2), 16);
            return array;
        }
    };

    function require(name) {
        if (name === 'crypto-js')
            return cryptoJs;
        if (name === 'chai')
            return chai;
        if (modules.has(name))
            return modules.require(name);
        throw new Error("Cannot find module '" + name + "': scripts can require " + modules.names.join(', ') + ', crypto-js.');
    }

    // ---- One script's globals -----------------------------------------------------------------

    // context: { event, scopes: {globals, collection, environment, local, data}, request, response,
    //            info: {requestName, requestId, iteration, iterationCount}, where }
    function sandbox(context) {
        var globals = new VariableScope(context.scopes.globals, 'globals');
        var collection = new VariableScope(context.scopes.collection, 'collection');
        var environment = new VariableScope(context.scopes.environment, 'environment');
        var local = new VariableScope(context.scopes.local, 'local');
        var dataEntries = _.map(context.scopes.data, function (value, key) { return { key: key, value: value }; });
        var data = new VariableScope(dataEntries, 'data');
        var variables = new Variables(local, data, environment, collection, globals);
        var request = new Request(context.request);
        var response = context.response ? new Response(context.response) : undefined;
        var state = { tests: {}, testOrder: [], next: undefined, skip: false, timers: {}, nextTimer: 1, sends: {}, nextSend: 1 };

        function record(name, error, skipped) {
            host.test(String(name), skipped ? 'skipped' : (error ? 'failed' : 'passed'),
                      error ? String(error.message === undefined ? error : error.message) : '',
                      error && error.name ? String(error.name) : '');
        }
        function test(name, fn) {
            if (typeof fn !== 'function') {
                record(name, null, true);
                return test;
            }
            if (fn.length > 0) {
                var id = host.beginWait('the test \u201c' + name + '\u201d did not call done()');
                var settled = false;
                var done = function (error) {
                    if (settled)
                        return;
                    settled = true;
                    record(name, error, false);
                    host.endWait(id);
                };
                try {
                    fn(done);
                } catch (e) {
                    done(e);
                }
                return test;
            }
            try {
                fn();
                record(name, null, false);
            } catch (e) {
                record(name, e, false);
            }
            return test;
        }
        test.skip = function (name) { record(name, null, true); return test; };

        var pm = {
            info: {
                eventName: context.event,
                requestName: context.info.requestName,
                requestId: context.info.requestId,
                iteration: context.info.iteration,
                iterationCount: context.info.iterationCount
            },
            globals: globals,
            collectionVariables: collection,
            environment: environment,
            variables: variables,
            iterationData: data,
            request: request,
            response: response,
            expect: chai.expect,
            test: test,
            sendRequest: function (options, callback) {
                var spec = typeof options === 'string' ? { url: options, method: 'GET' } : options;
                if (spec instanceof Request)
                    spec = spec.toJSON();
                var json = {
                    url: variables.replaceIn(String(spec.url instanceof Url ? spec.url.toString() : spec.url)),
                    method: String(spec.method || 'GET').toUpperCase(),
                    headers: [],
                    body: spec.body
                };
                var headers = spec.header || spec.headers;
                if (headers instanceof PropertyList)
                    headers = headers.all();
                if (Array.isArray(headers))
                    json.headers = headers.map(function (h) { return { key: String(h.key), value: variables.replaceIn(String(h.value)) }; });
                else if (headers && typeof headers === 'object')
                    json.headers = _.map(headers, function (value, key) { return { key: key, value: variables.replaceIn(String(value)) }; });
                var id = host.sendRequest(JSON.stringify(json));
                state.sends[id] = callback;
            },
            setNextRequest: function (name) { state.next = { value: name === null ? null : String(name) }; },
            execution: {
                setNextRequest: function (name) { state.next = { value: name === null ? null : String(name) }; },
                skipRequest: function () { state.skip = true; }
            }
        };

        var legacyTests = {};
        // The legacy `environment` and `globals` objects follow what postman.set…/clear… do to them
        // (pm.environment.set does not touch them), and values set that way are text, as in Postman.
        var legacyEnvironment = environment.toObject();
        var legacyGlobals = globals.toObject();
        function legacyText(value) {
            return (value === false || value) && typeof value.toString === 'function' ? value.toString() : value;
        }
        function clearObject(object) {
            Object.keys(object).forEach(function (key) { delete object[key]; });
        }
        var postman = {
            setNextRequest: pm.setNextRequest,
            setEnvironmentVariable: function (key, value) {
                value = legacyText(value);
                legacyEnvironment[key] = value;
                environment.set(key, value);
            },
            getEnvironmentVariable: function (key) { return environment.get(key); },
            clearEnvironmentVariable: function (key) { delete legacyEnvironment[key]; environment.unset(key); },
            clearEnvironmentVariables: function () { clearObject(legacyEnvironment); environment.clear(); },
            setGlobalVariable: function (key, value) {
                value = legacyText(value);
                legacyGlobals[key] = value;
                globals.set(key, value);
            },
            getGlobalVariable: function (key) { return globals.get(key); },
            clearGlobalVariable: function (key) { delete legacyGlobals[key]; globals.unset(key); },
            clearGlobalVariables: function () { clearObject(legacyGlobals); globals.clear(); },
            getResponseHeader: function (key) { return response ? response.headers.get(key) : undefined; }
        };

        var headersObject = {};
        if (response)
            response.headers.each(function (h) { headersObject[h.key] = h.value; });

        return {
            names: ['pm', 'postman', 'tests', 'console', 'require', '_', 'CryptoJS', 'atob', 'btoa', 'setTimeout',
                    'clearTimeout', 'setInterval', 'clearInterval', 'responseBody', 'responseCode', 'responseHeaders',
                    'responseTime', 'request', 'environment', 'globals', 'data', 'iteration'],
            values: [pm, postman, legacyTests, makeConsole(), require, _, cryptoJs,
                     function (text) { return host.atob(String(text)); },
                     function (text) { return host.btoa(String(text)); },
                     function (fn, ms) { var id = host.setTimeout(Number(ms) || 0); state.timers[id] = fn; return id; },
                     function (id) { if (state.timers[id]) { delete state.timers[id]; host.clearTimeout(id); } },
                     function () { throw new Error('setInterval is not available in scripts.'); },
                     function () {},
                     response ? response.text() : undefined,
                     response ? { code: response.code, name: response.status, detail: response.status } : undefined,
                     response ? headersObject : undefined,
                     response ? response.responseTime : undefined,
                     { id: request.id, name: request.name, description: request.description, url: request.url.toString(),
                       method: request.method, headers: request.headers.toObject(), data: request.body },
                     legacyEnvironment, legacyGlobals, data.toObject(), context.info.iteration],
            state: state,
            legacyTests: legacyTests,
            context: context,
            request: request
        };
    }

    // Runs what a timer or an answer of pm.sendRequest calls back.
    function timerFired(box, id) {
        var fn = box.state.timers[id];
        delete box.state.timers[id];
        if (typeof fn === 'function')
            fn();
    }
    function answered(box, id, error, responseJson) {
        var callback = box.state.sends[id];
        delete box.state.sends[id];
        if (typeof callback !== 'function')
            return;
        if (error) {
            var e = new Error(error);
            callback(e, undefined);
        } else {
            callback(null, new Response(JSON.parse(responseJson)));
        }
    }

    // What a script left behind, as JSON text.
    function collect(box) {
        var legacy = box.legacyTests;
        Object.keys(legacy).forEach(function (name) {
            host.test(name, legacy[name] ? 'passed' : 'failed', legacy[name] ? '' : name, legacy[name] ? '' : 'AssertionError');
        });
        Object.keys(legacy).forEach(function (name) { delete legacy[name]; });
        var scopes = box.context.scopes;
        function plain(entries) {
            return entries.map(function (entry) {
                var copy = { key: entry.key, value: entry.value === undefined ? null : entry.value, enabled: entry.enabled !== false };
                if (entry.secret)
                    copy.secret = true;
                if (entry.type)
                    copy.type = entry.type;
                return copy;
            });
        }
        return JSON.stringify({
            scopes: { globals: plain(scopes.globals), collection: plain(scopes.collection),
                      environment: plain(scopes.environment), local: plain(scopes.local) },
            request: box.request.toJSON(),
            next: box.state.next,
            skip: box.state.skip
        });
    }

    // Calls fn; what it throws comes back as {thrown: value}, whatever the value is.
    function invoke(fn, args) {
        try {
            fn.apply(undefined, args);
            return undefined;
        } catch (e) {
            return { thrown: e };
        }
    }

    return { sandbox: sandbox, collect: collect, timerFired: timerFired, answered: answered, invoke: invoke };
})
