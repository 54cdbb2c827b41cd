// The modules scripts can require. Two kinds:
// - factories made by ScriptEngine from the embedded single-file libraries (chai, lodash, moment,
//   uuid), each run once, on first use, with CommonJS's module and exports;
// - CommonJS packages embedded file by file under node/<package>/ (ajv and what it requires), read
//   through files.nodeFile(path): a function of (exports, require, module, __filename, __dirname,
//   console) for a .js file, the parsed value for a .json file, undefined for a file that is not there.
//   Their require resolves as Node's does for a flat node_modules folder: './x' and '../x' against
//   the requiring file's folder (x, x.js, x.json, x/index.js), a bare name through its package.json.
(function (factories, global, files) {
    'use strict';
    // The packages a script itself may require; the others are there for these.
    var scriptPackages = ['ajv'];
    var cache = {};
    var nodeCache = {};

    function has(object, name) {
        return Object.prototype.hasOwnProperty.call(object, name);
    }

    function normalize(path) {
        var out = [];
        path.split('/').forEach(function (part) {
            if (part === '..')
                out.pop();
            else if (part !== '.' && part !== '')
                out.push(part);
        });
        return out.join('/');
    }

    function dirname(path) {
        var slash = path.lastIndexOf('/');
        return slash < 0 ? '' : path.substring(0, slash);
    }

    function cannotFind(request, from) {
        var error = new Error("Cannot find module '" + request + "'" + (from ? " from '" + from + "'" : ''));
        error.code = 'MODULE_NOT_FOUND';
        return error;
    }

    // Returns {path, value} of the first candidate that is there, or null.
    function locate(base) {
        var candidates = [base, base + '.js', base + '.json', base + '/index.js'];
        for (var i = 0; i < candidates.length; ++i) {
            var path = candidates[i];
            if (has(nodeCache, path))
                return { path: path };
            var value = files.nodeFile(path);
            if (value !== undefined)
                return { path: path, value: value };
        }
        return null;
    }

    function resolve(request, fromDir) {
        if (/^\.\.?(\/|$)/.test(request))
            return locate(normalize(fromDir + '/' + request));
        if (request.charAt(0) === '/')
            return null;
        var slash = request.indexOf('/');
        if (slash >= 0)
            return locate(normalize(request));
        var manifest = files.nodeFile(request + '/package.json');
        if (!manifest)
            return null;
        return locate(normalize(request + '/' + (manifest.main || 'index.js')));
    }

    function load(request, fromDir) {
        var found = resolve(request, fromDir);
        if (!found)
            throw cannotFind(request, fromDir);
        if (has(nodeCache, found.path))
            return nodeCache[found.path].exports;
        var module = { id: found.path, filename: found.path, exports: {}, loaded: false };
        nodeCache[found.path] = module;
        if (/\.json$/.test(found.path)) {
            module.exports = found.value;
        } else {
            if (typeof found.value !== 'function') {
                delete nodeCache[found.path];
                throw found.value instanceof Error ? found.value : new Error('Cannot load ' + found.path);
            }
            var dir = dirname(found.path);
            var requireHere = function (name) {
                return load(String(name), dir);
            };
            try {
                found.value.call(module.exports, module.exports, requireHere, module, found.path, dir,
                                 api.console);
            } catch (e) {
                delete nodeCache[found.path];
                throw e;
            }
        }
        module.loaded = true;
        return module.exports;
    }

    var api = {
        // The console the packages' files see (Node's global one): pm.js sets it.
        console: null,
        names: Object.keys(factories).concat(scriptPackages),
        has: function (name) {
            return has(factories, name) || scriptPackages.indexOf(name) >= 0;
        },
        require: function (name) {
            if (has(factories, name)) {
                if (!has(cache, name)) {
                    var module = { exports: {} };
                    factories[name].call(global, module, module.exports, global);
                    cache[name] = module.exports;
                }
                return cache[name];
            }
            return load(name, '');
        }
    };
    return api;
})
