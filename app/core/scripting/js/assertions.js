// chai-postman: the request and response assertions of Postman's sandbox (status, header, jsonBody,
// jsonSchema, postmanRequestOrResponse, …) with its failure messages, as a chai plugin over pm.js's
// Request and Response. Evaluated once per engine; pm.js calls it with what it needs.
(function (chai, _, Request, Response, modules) {
    'use strict';

    // Qt's engine names a proxy "[object ProxyObject]" where the language says "[object Object]" (or
    // Array, Function, or its toStringTag). chai's type checks read that name, and chai wraps every
    // assertion in a proxy: without this, expect(pm.response.to).to.be.an('object') fails.
    var nativeToString = Object.prototype.toString;
    Object.defineProperty(Object.prototype, 'toString', {
        configurable: true,
        writable: true,
        value: function toString() {
            var name = nativeToString.call(this);
            if (name !== '[object ProxyObject]')
                return name;
            if (Array.isArray(this))
                return '[object Array]';
            if (typeof this === 'function')
                return '[object Function]';
            var tag = this[Symbol.toStringTag];
            return '[object ' + (typeof tag === 'string' ? tag : 'Object') + ']';
        }
    });

    chai.use(function (chai, utils) {
        var Assertion = chai.Assertion;
        // What the response assertions need first, whether negated or not: `.to.not.be.serverError`
        // still asks for a response.
        function response(assertion) {
            if (!(assertion._obj instanceof Response))
                throw new chai.AssertionError('expecting a postman response object but got ' + utils.objDisplay(assertion._obj));
        }
        Assertion.addProperty('postmanResponse', function () {
            this.assert(this._obj instanceof Response, 'expecting a postman response object but got #{this}',
                        'not expecting a postman response object');
        });
        Assertion.addProperty('postmanRequest', function () {
            this.assert(this._obj instanceof Request, 'expecting a postman request object but got #{this}',
                        'not expecting a postman request object');
        });
        Assertion.addProperty('postmanRequestOrResponse', function () {
            this.assert(this._obj instanceof Request || this._obj instanceof Response,
                        'expecting a postman request or response object but got #{this}',
                        'not expecting a postman request or response object');
        });
        Assertion.addMethod('status', function (expected) {
            response(this);
            if (typeof expected === 'number') {
                this.assert(this._obj.code === Number(expected), 'expected response to have status code #{exp} but got #{act}',
                            'expected response to not have status code #{act}', Number(expected), this._obj.code);
            } else {
                this.assert(this._obj.reason() === expected, 'expected response to have status reason #{exp} but got #{act}',
                            'expected response to not have status reason #{act}', expected, this._obj.reason());
            }
        });
        Assertion.addMethod('statusCode', function (expected) {
            response(this);
            this.assert(this._obj.code === Number(expected), 'expected response to have status code #{exp} but got #{act}',
                        'expected response to not have status code #{act}', Number(expected), this._obj.code);
        });
        Assertion.addMethod('statusReason', function (expected) {
            response(this);
            expected = String(expected);
            this.assert(this._obj.reason() === expected, 'expected response to have status reason #{exp} but got #{act}',
                        'expected response to not have status reason #{act}', expected, this._obj.reason());
        });
        var classes = { info: 1, success: 2, redirection: 3, clientError: 4, serverError: 5 };
        _.forOwn(classes, function (digit, name) {
            Assertion.addProperty(name, function () {
                response(this);
                var first = Math.floor(this._obj.code / 100);
                this.assert(first === digit, 'expected response code to be #{exp}XX but found #{act}',
                            'expected response code to not be #{exp}XX', digit, this._obj.code);
            });
        });
        Assertion.addProperty('error', function () {
            response(this);
            var first = Math.floor(this._obj.code / 100);
            this.assert(first === 4 || first === 5, 'expected response code to be 4XX or 5XX but found #{act}',
                        'expected response code to not be 4XX or 5XX', null, this._obj.code);
        });
        var reasons = {
            accepted: [202, 'Accepted'], badRequest: [400, 'Bad Request'], unauthorized: [401, 'Unauthorized'],
            forbidden: [403, 'Forbidden'], notFound: [404, 'Not Found'], notAcceptable: [406, 'Not Acceptable'],
            rateLimited: [429, 'Too Many Requests']
        };
        _.forOwn(reasons, function (pair, name) {
            Assertion.addProperty(name, function () {
                response(this);
                var reason = String(this._obj.reason()).toUpperCase();
                this.assert(reason === pair[1].toUpperCase(), 'expected response to have status reason #{exp} but got #{act}',
                            'expected response to not have status reason #{act}', pair[1].toUpperCase(), reason);
                this.assert(this._obj.code === pair[0], 'expected response to have status code #{exp} but got #{act}',
                            'expected response to not have status code #{act}', pair[0], this._obj.code);
            });
        });
        Assertion.overwriteProperty('ok', function (original) {
            return function () {
                if (!(this._obj instanceof Response))
                    return original.call(this);
                var reason = String(this._obj.reason()).toUpperCase();
                this.assert(reason === 'OK', 'expected response to have status reason #{exp} but got #{act}',
                            'expected response to not have status reason #{act}', 'OK', reason);
                this.assert(this._obj.code === 200, 'expected response to have status code #{exp} but got #{act}',
                            'expected response to not have status code #{act}', 200, this._obj.code);
            };
        });
        Assertion.addMethod('header', function (key, value) {
            var what = this._obj instanceof Request ? 'request' : (this._obj instanceof Response ? 'response' : undefined);
            new Assertion(this._obj).to.have.property('headers');
            this.assert(this._obj.headers.has(key), 'expected ' + what + " to have header with key '" + String(key) + "'",
                        'expected ' + what + " to not have header with key '" + String(key) + "'", true,
                        this._obj.headers.has(key));
            if (arguments.length > 1) {
                var actual = this._obj.headers.one(key).value;
                this.assert(actual === value, "expected '" + String(key) + "' " + what + ' header to be #{exp} but got #{act}',
                            "expected '" + String(key) + "' " + what + ' header to not be #{act}', value, actual);
            }
        });
        Assertion.addProperty('withBody', function () {
            response(this);
            var body = this._obj.text();
            this.assert(typeof body === 'string' && body.length, 'expected response to have content in body',
                        'expected response to not have content in body');
        });
        Assertion.addProperty('json', function () {
            response(this);
            var problem;
            try { this._obj.json(); } catch (e) { problem = e.name + ': ' + e.message; }
            this.assert(!problem, 'expected response body to be a valid json but got error ' + problem,
                        'expected response body not to be a valid json');
        });
        Assertion.addMethod('body', function (expected) {
            response(this);
            var body;
            if (arguments.length && expected !== null && typeof expected === 'object' && !(expected instanceof RegExp)) {
                try { body = this._obj.json(); } catch (e) { body = undefined; }
                this.assert(_.isEqual(body, expected), 'expected response body json to equal #{exp} but got #{act}',
                            'expected response body json to not equal #{exp} but got #{act}', expected, body);
                return;
            }
            body = this._obj.text();
            if (!arguments.length) {
                this.assert(typeof body === 'string' && body.length, 'expected response to have content in body',
                            'expected response to not have content in body');
            } else if (expected instanceof RegExp) {
                this.assert(expected.exec(body) !== null, 'expected response body text to match #{exp} but got #{act}',
                            'expected response body text #{act} to not match #{exp}', expected, body);
            } else {
                this.assert(_.isEqual(body, expected), 'expected response body to equal #{exp} but got #{act}',
                            'expected response body to not equal #{exp}', expected, body);
            }
        });
        Assertion.addMethod('jsonBody', function (path, value) {
            response(this);
            var json, problem;
            try { json = this._obj.json(); } catch (e) { problem = e.name + ': ' + e.message; }
            if (!arguments.length) {
                this.assert(!problem, 'expected response body to be a valid json but got error ' + problem,
                            'expected response body not to be a valid json');
                return;
            }
            if (typeof path === 'string') {
                this.assert(_.has(json, path), 'expected #{act} in response to contain property #{exp}',
                            'expected #{act} in response to not contain property #{exp}', path, json);
                if (arguments.length > 1) {
                    var actual = _.get(json, path);
                    this.assert(_.isEqual(actual, value), 'expected response body json at "' + path + '" to contain #{exp} but got #{act}',
                                'expected response body json at "' + path + '" to not contain #{exp} but got #{act}', value, actual);
                }
            } else {
                this.assert(_.isEqual(json, path), 'expected response body json to equal #{exp} but got #{act}',
                            'expected response body json to not equal #{exp} but got #{act}', path, json);
            }
        });
        // JSON Schema with ajv: of any value, or of a response's JSON body.
        Assertion.addMethod('jsonSchema', function (schema, options) {
            var Ajv = modules.require('ajv');
            var subject = this._obj instanceof Response ? this._obj.json() : this._obj;
            var ajv = new Ajv(_.assign({ logger: false }, options));
            var valid = ajv.validate(schema, subject);
            this.assert(valid, 'expected data to satisfy schema but found following errors: \n' + ajv.errorsText(),
                        'expected data to not satisfy schema', true, valid);
        });
        Assertion.addMethod('responseTime', function (expected) {
            response(this);
            var time = this._obj.responseTime;
            this.assert(typeof time === 'number', 'expected response to have a valid response time but got #{act}',
                        'expected response to not have a valid response time but got #{act}', null, time);
            if (arguments.length)
                this.assert(_.isEqual(time, expected), 'expected response to have a valid response time but got #{act}',
                            'expected response to not have a valid response time but got #{act}', null, time);
        });
        Assertion.addMethod('responseSize', function (expected) {
            response(this);
            var size = this._obj.responseSize;
            this.assert(typeof size === 'number', 'expected response to have a valid response size but got #{act}',
                        'expected response to not have a valid response size but got #{act}', null, size);
            if (arguments.length)
                this.assert(_.isEqual(size, expected), 'expected response size to equal #{act} but got #{exp}',
                            'expected response size to not equal #{act} but got #{exp}', expected, size);
        });
    });
})
