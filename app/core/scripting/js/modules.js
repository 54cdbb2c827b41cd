// The modules scripts can require: factories made by ScriptEngine from the embedded library files,
// each run once, on first use, with CommonJS's module and exports.
(function (factories, global) {
    'use strict';
    var cache = {};
    return {
        has: function (name) {
            return Object.prototype.hasOwnProperty.call(factories, name);
        },
        require: function (name) {
            if (!Object.prototype.hasOwnProperty.call(cache, name)) {
                var module = { exports: {} };
                factories[name].call(global, module, module.exports, global);
                cache[name] = module.exports;
            }
            return cache[name];
        }
    };
})
