// require('crypto-js'): the hashes, HMACs and encodings collections use (MD5, SHA1…SHA512, SHA3,
// HmacSHA256…, enc.Hex/Base64/Utf8/Latin1), computed by Qt through host (ScriptHost), with crypto-js's
// WordArray shape. Evaluated once per engine; pm.js calls it with host.
(function (host) {
    'use strict';
    function WordArray(hex) { this._hex = hex; this.sigBytes = hex.length / 2; }
    WordArray.prototype.toString = function (encoder) { return (encoder || enc.Hex).stringify(this); };
    function bytes(value) {
        return value instanceof WordArray ? value._hex : host.hexFromText(String(value));
    }
    var enc = {
        Hex: { stringify: function (w) { return w._hex; }, parse: function (s) { return new WordArray(host.hexFromHex(String(s))); } },
        Base64: { stringify: function (w) { return host.base64FromHex(w._hex); }, parse: function (s) { return new WordArray(host.hexFromBase64(String(s))); } },
        Utf8: { stringify: function (w) { return host.textFromHex(w._hex); }, parse: function (s) { return new WordArray(host.hexFromText(String(s))); } },
        Latin1: { stringify: function (w) { return host.latin1FromHex(w._hex); }, parse: function (s) { return new WordArray(host.hexFromLatin1(String(s))); } }
    };
    var api = { enc: enc, lib: { WordArray: WordArray } };
    ['MD5', 'SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512', 'SHA3'].forEach(function (algorithm) {
        api[algorithm] = function (message) { return new WordArray(host.hash(algorithm, bytes(message))); };
        api['Hmac' + algorithm] = function (message, key) {
            return new WordArray(host.hmac(algorithm, bytes(key), bytes(message)));
        };
    });
    return api;
})
