#include "workspace/variables.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

// {{name}} resolution: precedence of the scopes, nesting, cycles, odd syntax, and every field of a
// request that resolve(HttpRequest) must touch (and the ones it must leave alone).
class tst_Variables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void precedence_data();
    void precedence();
    void nestedReferences();
    void cyclesEnd_data();
    void cyclesEnd();
    void unresolvedListedOnceInOrder();
    void oddSyntax_data();
    void oddSyntax();
    void hugeInput();
    void requestFieldsResolved();
    void binaryBodyUntouched();
    void unresolvedInRequest();
    void emptyResolverLeavesRequestAlone();
    void jsonRoundTripLeavesSecretValuesOut();
    void oauth2FieldResolved_data();
    void oauth2FieldResolved();
    void oauth2SameAsThroughRequest_data();
    void oauth2SameAsThroughRequest();
    void authConfigSameAsThroughRequest();
};

namespace {

Variable var(const QString &key, const QString &value, bool enabled = true, bool secret = false)
{
    Variable variable;
    variable.key = key;
    variable.value = value;
    variable.enabled = enabled;
    variable.secret = secret;
    return variable;
}

// The text field of an OAuth 2.0 configuration named field ("extra name", "extra value": the first extra
// parameter's).
QString *oauth2Field(OAuth2Config &c, const QString &field)
{
    const QList<QPair<QString, QString *>> fields {
        { u"tokenName"_s, &c.tokenName },
        { u"callbackUrl"_s, &c.callbackUrl },
        { u"authUrl"_s, &c.authUrl },
        { u"accessTokenUrl"_s, &c.accessTokenUrl },
        { u"refreshUrl"_s, &c.refreshUrl },
        { u"revokeUrl"_s, &c.revokeUrl },
        { u"issuer"_s, &c.issuer },
        { u"jwksUri"_s, &c.jwksUri },
        { u"clientId"_s, &c.clientId },
        { u"clientSecret"_s, &c.clientSecret },
        { u"scope"_s, &c.scope },
        { u"state"_s, &c.state },
        { u"audience"_s, &c.audience },
        { u"resource"_s, &c.resource },
        { u"codeVerifier"_s, &c.codeVerifier },
    };
    for (const auto &[name, pointer] : fields) {
        if (name == field)
            return pointer;
    }
    if (c.extraParameters.isEmpty())
        c.extraParameters.append(OAuth2ExtraParameter {});
    if (field == u"extra name"_s)
        return &c.extraParameters.first().name;
    if (field == u"extra value"_s)
        return &c.extraParameters.first().value;
    return nullptr;
}

const QStringList oauth2TextFields {
    u"tokenName"_s, u"callbackUrl"_s, u"authUrl"_s,      u"accessTokenUrl"_s, u"refreshUrl"_s, u"revokeUrl"_s,
    u"issuer"_s,    u"jwksUri"_s,     u"clientId"_s,     u"clientSecret"_s,   u"scope"_s,      u"state"_s,
    u"audience"_s,  u"resource"_s,    u"codeVerifier"_s, u"extra name"_s,     u"extra value"_s
};

} // namespace

void tst_Variables::precedence_data()
{
    QTest::addColumn<VariableList>("environment");
    QTest::addColumn<VariableList>("collection");
    QTest::addColumn<VariableList>("globals");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("scope"); // VariableScope, or -1 for unresolved

    const int env = int(VariableScope::Environment);
    const int coll = int(VariableScope::Collection);
    const int glob = int(VariableScope::Global);

    QTest::newRow("environment over collection and globals")
        << VariableList { var(u"x"_s, u"env"_s) } << VariableList { var(u"x"_s, u"coll"_s) }
        << VariableList { var(u"x"_s, u"glob"_s) } << u"env"_s << env;
    QTest::newRow("collection over globals") << VariableList {} << VariableList { var(u"x"_s, u"coll"_s) }
                                             << VariableList { var(u"x"_s, u"glob"_s) } << u"coll"_s << coll;
    QTest::newRow("globals alone") << VariableList {} << VariableList {}
                                   << VariableList { var(u"x"_s, u"glob"_s) } << u"glob"_s << glob;
    QTest::newRow("disabled environment variable skipped")
        << VariableList { var(u"x"_s, u"env"_s, false) } << VariableList { var(u"x"_s, u"coll"_s) }
        << VariableList {} << u"coll"_s << coll;
    QTest::newRow("every definition disabled")
        << VariableList { var(u"x"_s, u"env"_s, false) } << VariableList { var(u"x"_s, u"coll"_s, false) }
        << VariableList { var(u"x"_s, u"glob"_s, false) } << u"{{x}}"_s << -1;
    QTest::newRow("last definition in a scope wins")
        << VariableList { var(u"x"_s, u"first"_s), var(u"x"_s, u"second"_s) } << VariableList {}
        << VariableList {} << u"second"_s << env;
    QTest::newRow("last enabled definition wins")
        << VariableList { var(u"x"_s, u"first"_s), var(u"x"_s, u"second"_s, false) } << VariableList {}
        << VariableList {} << u"first"_s << env;
    QTest::newRow("names are case sensitive")
        << VariableList { var(u"X"_s, u"upper"_s) } << VariableList {}
        << VariableList { var(u"x"_s, u"lower"_s) } << u"lower"_s << glob;
    QTest::newRow("empty value is a value") << VariableList { var(u"x"_s, QString()) } << VariableList {}
                                            << VariableList { var(u"x"_s, u"glob"_s) } << QString() << env;
    QTest::newRow("nothing defined") << VariableList {} << VariableList {} << VariableList {} << u"{{x}}"_s
                                     << -1;
}

void tst_Variables::precedence()
{
    QFETCH(VariableList, environment);
    QFETCH(VariableList, collection);
    QFETCH(VariableList, globals);
    QFETCH(QString, expected);
    QFETCH(int, scope);

    const VariableResolver resolver(environment, collection, globals);
    QCOMPARE(resolver.resolve(u"{{x}}"_s), expected);
    const std::optional<VariableResolver::Lookup> found = resolver.lookup(u"x"_s);
    QCOMPARE(found.has_value(), scope >= 0);
    if (found) {
        QCOMPARE(int(found->scope), scope);
        QCOMPARE(found->value, expected);
    }
    QCOMPARE(resolver.unresolved(u"{{x}}"_s), scope >= 0 ? QStringList() : QStringList { u"x"_s });
}

void tst_Variables::nestedReferences()
{
    const VariableResolver resolver({ var(u"a"_s, u"{{b}}x"_s) }, { var(u"b"_s, u"{{c}}y"_s) },
                                    { var(u"c"_s, u"z"_s) });
    QCOMPARE(resolver.resolve(u"<{{a}}>"_s), u"<zyx>"_s);
    // A nested name that nobody defines is reported and left as typed.
    const VariableResolver partial({ var(u"a"_s, u"{{missing}}x"_s) }, {}, {});
    QCOMPARE(partial.resolve(u"{{a}}"_s), u"{{missing}}x"_s);
    QCOMPARE(partial.unresolved(u"{{a}}"_s), QStringList { u"missing"_s });
    // An environment value may use a global, and a global may use an environment value.
    const VariableResolver across({ var(u"host"_s, u"example.org"_s) }, {},
                                  { var(u"base"_s, u"https://{{host}}"_s) });
    QCOMPARE(across.resolve(u"{{base}}/v1"_s), u"https://example.org/v1"_s);
}

void tst_Variables::cyclesEnd_data()
{
    QTest::addColumn<VariableList>("variables");
    QTest::addColumn<QString>("text");

    QTest::newRow("self") << VariableList { var(u"a"_s, u"{{a}}"_s) } << u"{{a}}"_s;
    QTest::newRow("a to b to a") << VariableList { var(u"a"_s, u"{{b}}"_s), var(u"b"_s, u"{{a}}"_s) }
                                 << u"{{a}}"_s;
    QTest::newRow("growing cycle") << VariableList { var(u"a"_s, u"x{{a}}x"_s) } << u"{{a}}"_s;
    // Each level doubles or multiplies the text: bounded, not exponential.
    QTest::newRow("fan-out cycle") << VariableList {
        var(u"a"_s, u"{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}"_s)
    } << u"{{a}}"_s;
    QTest::newRow("fan-out chain") << VariableList {
        var(u"l0"_s, u"0123456789abcdef0123456789abcdef"_s),
        var(u"l1"_s, u"{{l0}}{{l0}}{{l0}}{{l0}}{{l0}}{{l0}}{{l0}}{{l0}}{{l0}}{{l0}}"_s),
        var(u"l2"_s, u"{{l1}}{{l1}}{{l1}}{{l1}}{{l1}}{{l1}}{{l1}}{{l1}}{{l1}}{{l1}}"_s),
        var(u"l3"_s, u"{{l2}}{{l2}}{{l2}}{{l2}}{{l2}}{{l2}}{{l2}}{{l2}}{{l2}}{{l2}}"_s),
        var(u"l4"_s, u"{{l3}}{{l3}}{{l3}}{{l3}}{{l3}}{{l3}}{{l3}}{{l3}}{{l3}}{{l3}}"_s),
        var(u"l5"_s, u"{{l4}}{{l4}}{{l4}}{{l4}}{{l4}}{{l4}}{{l4}}{{l4}}{{l4}}{{l4}}"_s),
        var(u"l6"_s, u"{{l5}}{{l5}}{{l5}}{{l5}}{{l5}}{{l5}}{{l5}}{{l5}}{{l5}}{{l5}}"_s),
        var(u"l7"_s, u"{{l6}}{{l6}}{{l6}}{{l6}}{{l6}}{{l6}}{{l6}}{{l6}}{{l6}}{{l6}}"_s),
        var(u"l8"_s, u"{{l7}}{{l7}}{{l7}}{{l7}}{{l7}}{{l7}}{{l7}}{{l7}}{{l7}}{{l7}}"_s),
    } << u"{{l8}}{{l8}}"_s;
}

void tst_Variables::cyclesEnd()
{
    QFETCH(VariableList, variables);
    QFETCH(QString, text);

    const VariableResolver resolver(variables, {}, {});
    QElapsedTimer timer;
    timer.start();
    const QString resolved = resolver.resolve(text);
    const QStringList missing = resolver.unresolved(text);
    qInfo("resolved to %lld characters in %lld ms", qlonglong(resolved.size()), qlonglong(timer.elapsed()));
    QVERIFY(missing.isEmpty());
    // Whatever the cycle makes of it, the result stays a sane size.
    QVERIFY2(resolved.size() <= 64 * 1024 * 1024, qPrintable(QString::number(resolved.size())));
}

void tst_Variables::unresolvedListedOnceInOrder()
{
    const VariableResolver resolver({ var(u"known"_s, u"k"_s) }, {}, {});
    const QString text = u"{{zeta}} {{known}} {{alpha}} {{zeta}} {{ alpha }} {{mid}}"_s;
    QCOMPARE(resolver.unresolved(text), (QStringList { u"zeta"_s, u"alpha"_s, u"mid"_s }));
    QCOMPARE(resolver.resolve(text), u"{{zeta}} k {{alpha}} {{zeta}} {{ alpha }} {{mid}}"_s);
}

void tst_Variables::oddSyntax_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("lone opening") << u"{{"_s << u"{{"_s;
    QTest::newRow("lone closing") << u"}}"_s << u"}}"_s;
    QTest::newRow("closing before opening") << u"}}a{{"_s << u"}}a{{"_s;
    QTest::newRow("blank name") << u"{{ }}"_s << u"{{ }}"_s;
    QTest::newRow("empty name") << u"{{}}"_s << u"{{}}"_s;
    QTest::newRow("unclosed then reference") << u"{{a{{b}}"_s << u"{{aB"_s;
    QTest::newRow("name with spaces trimmed") << u"{{  a  }}"_s << u"A"_s;
    QTest::newRow("tab and spaces trimmed") << u"{{\ta }}"_s << u"A"_s;
    QTest::newRow("line break in name") << u"{{a\nb}}"_s << u"{{a\nb}}"_s;
    QTest::newRow("trailing line break trimmed") << u"{{a\n}}"_s << u"A"_s;
    QTest::newRow("single braces") << u"{a}"_s << u"{a}"_s;
    QTest::newRow("triple braces") << u"{{{a}}}"_s << u"{A}"_s;
    QTest::newRow("quadruple braces") << u"{{{{a}}}}"_s << u"{{A}}"_s;
    QTest::newRow("JSON object around a reference") << u"{\"n\":{{{a}}}}"_s << u"{\"n\":{A}}"_s;
    QTest::newRow("opening braces at the end") << u"x{{{"_s << u"x{{{"_s;
    QTest::newRow("adjacent references") << u"{{a}}{{b}}"_s << u"AB"_s;
    QTest::newRow("dotted and dollar names") << u"{{x.y}}-{{$z}}"_s << u"dot-dollar"_s;
    QTest::newRow("unknown left as typed") << u"{{ nope }}"_s << u"{{ nope }}"_s;
    QTest::newRow("name too long") << (u"{{"_s + QString(300, u'n') + u"}}"_s)
                                   << (u"{{"_s + QString(300, u'n') + u"}}"_s);
    QTest::newRow("unicode name") << u"{{\u00fcber}}"_s << u"over"_s;
    QTest::newRow("empty text") << QString() << QString();
}

void tst_Variables::oddSyntax()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const VariableResolver resolver({ var(u"a"_s, u"A"_s), var(u"b"_s, u"B"_s), var(u"x.y"_s, u"dot"_s),
                                      var(u"$z"_s, u"dollar"_s), var(u"\u00fcber"_s, u"over"_s) },
                                    {}, {});
    QCOMPARE(resolver.resolve(text), expected);
}

void tst_Variables::hugeInput()
{
    const VariableResolver resolver(
        { var(u"host"_s, u"example.org"_s), var(u"base"_s, u"https://{{host}}"_s) }, {}, {});
    // About 1 MB: known references, unknown ones (all distinct), odd braces and plain text.
    QString text;
    text.reserve(1100 * 1024);
    int unknown = 0;
    while (text.size() < 1024 * 1024) {
        text += u"{{base}}/path "_s;
        text += u"{{unknown"_s + QString::number(unknown++) + u"}} "_s;
        text += u"{{ {{ }} }} {a} "_s;
    }
    const QString resolved = resolver.resolve(text);
    QVERIFY(resolved.contains(u"https://example.org/path {{unknown0}} "_s));
    QVERIFY(!resolved.contains(u"{{base}}"_s));
    const QStringList missing = resolver.unresolved(text);
    QCOMPARE(missing.size(), unknown);
    QCOMPARE(missing.first(), u"unknown0"_s);
    QCOMPARE(missing.last(), u"unknown"_s + QString::number(unknown - 1));

    // One enormous name-like run without a closing brace, and one with thousands of openings.
    const QString unclosed = u"{{"_s + QString(1024 * 1024, u'a');
    QCOMPARE(resolver.resolve(unclosed), unclosed);
    const QString openings = QString(1024 * 1024, u'{') + u"host}}"_s;
    QCOMPARE(resolver.resolve(openings), QString(1024 * 1024 - 2, u'{') + u"example.org"_s);
}

void tst_Variables::requestFieldsResolved()
{
    HttpRequest request;
    request.url = u"https://{{v}}/u"_s;
    request.headers = { { u"X-{{v}}"_s, u"h-{{v}}"_s, true, {} } };
    request.body = "body {{v}}";
    request.formFields = { { u"f-{{v}}"_s, u"fv-{{v}}"_s, true, {} } };
    FormPart part;
    part.key = u"p-{{v}}"_s;
    part.value = u"pv-{{v}}"_s;
    request.formParts = { part };
    request.bodyFile = u"/tmp/{{v}}.bin"_s;
    request.graphqlQuery = u"query { {{v}} }"_s;
    request.graphqlVariables = u"{\"a\": \"{{v}}\"}"_s;
    request.auth.type = AuthType::OAuth2;
    request.auth.username = u"user-{{v}}"_s;
    request.auth.password = u"pass-{{v}}"_s;
    request.auth.token = u"token-{{v}}"_s;
    request.auth.headerPrefix = u"prefix-{{v}}"_s;
    OAuth2Config &oauth = request.auth.oauth2;
    const QList<QString *> oauthFields { &oauth.tokenName,      &oauth.callbackUrl, &oauth.authUrl,
                                         &oauth.accessTokenUrl, &oauth.refreshUrl,  &oauth.revokeUrl,
                                         &oauth.issuer,         &oauth.jwksUri,     &oauth.clientId,
                                         &oauth.clientSecret,   &oauth.scope,       &oauth.state,
                                         &oauth.audience,       &oauth.resource,    &oauth.codeVerifier };
    for (qsizetype i = 0; i < oauthFields.size(); ++i)
        *oauthFields[i] = u"o%1-{{v}}"_s.arg(i);
    OAuth2ExtraParameter extra;
    extra.name = u"e-{{v}}"_s;
    extra.value = u"ev-{{v}}"_s;
    oauth.extraParameters = { extra };
    request.method = u"{{v}}"_s; // not a text a user types variables into: left alone

    const VariableResolver resolver({ var(u"v"_s, u"V"_s) }, {}, {});
    const HttpRequest resolved = resolver.resolve(request);
    QCOMPARE(resolved.url, u"https://V/u"_s);
    QCOMPARE(resolved.headers.value(0).key, u"X-V"_s);
    QCOMPARE(resolved.headers.value(0).value, u"h-V"_s);
    QCOMPARE(resolved.body, QByteArray("body V"));
    QCOMPARE(resolved.formFields.value(0).key, u"f-V"_s);
    QCOMPARE(resolved.formFields.value(0).value, u"fv-V"_s);
    QCOMPARE(resolved.formParts.value(0).key, u"p-V"_s);
    QCOMPARE(resolved.formParts.value(0).value, u"pv-V"_s);
    QCOMPARE(resolved.bodyFile, u"/tmp/V.bin"_s);
    QCOMPARE(resolved.graphqlQuery, u"query { V }"_s);
    QCOMPARE(resolved.graphqlVariables, u"{\"a\": \"V\"}"_s);
    QCOMPARE(resolved.auth.username, u"user-V"_s);
    QCOMPARE(resolved.auth.password, u"pass-V"_s);
    QCOMPARE(resolved.auth.token, u"token-V"_s);
    QCOMPARE(resolved.auth.headerPrefix, u"prefix-V"_s);
    const OAuth2Config &r = resolved.auth.oauth2;
    const QList<const QString *> resolvedFields { &r.tokenName,      &r.callbackUrl, &r.authUrl,
                                                  &r.accessTokenUrl, &r.refreshUrl,  &r.revokeUrl,
                                                  &r.issuer,         &r.jwksUri,     &r.clientId,
                                                  &r.clientSecret,   &r.scope,       &r.state,
                                                  &r.audience,       &r.resource,    &r.codeVerifier };
    for (qsizetype i = 0; i < resolvedFields.size(); ++i)
        QCOMPARE(*resolvedFields[i], u"o%1-V"_s.arg(i));
    QCOMPARE(r.extraParameters.value(0).name, u"e-V"_s);
    QCOMPARE(r.extraParameters.value(0).value, u"ev-V"_s);
    QCOMPARE(resolved.method, u"{{v}}"_s);
    // The original is a value: untouched.
    QCOMPARE(request.url, u"https://{{v}}/u"_s);
}

void tst_Variables::binaryBodyUntouched()
{
    const QByteArray binary("\xff\xfe{{v}}\x00\x80{{v}}", 14);
    HttpRequest request;
    request.body = binary;
    const VariableResolver resolver({ var(u"v"_s, u"V"_s) }, {}, {});
    QCOMPARE(resolver.resolve(request).body, binary);
    QVERIFY(!resolver.unresolved(request).contains(u"v"_s));

    // Valid UTF-8 beyond ASCII is text, and stays the same bytes around the reference.
    request.body = u"\u00e9t\u00e9 {{v}} \U0001F600"_s.toUtf8();
    QCOMPARE(resolver.resolve(request).body, u"\u00e9t\u00e9 V \U0001F600"_s.toUtf8());
}

void tst_Variables::unresolvedInRequest()
{
    HttpRequest request;
    request.url = u"{{scheme}}://{{host}}/{{known}}"_s;
    request.headers = { { u"X-A"_s, u"{{token}}"_s, true, {} }, { u"X-B"_s, u"{{host}}"_s, true, {} } };
    request.body = "{{payload}}";
    request.auth.oauth2.clientId = u"{{clientId}}"_s;
    request.auth.oauth2.extraParameters = { OAuth2ExtraParameter { u"p"_s, u"{{extra}}"_s, {}, {} } };
    const VariableResolver resolver({ var(u"known"_s, u"k"_s) }, {}, {});
    QCOMPARE(resolver.unresolved(request),
             (QStringList { u"scheme"_s, u"host"_s, u"token"_s, u"payload"_s, u"clientId"_s, u"extra"_s }));
    // Binary bodies are not looked at.
    request.body = QByteArray("\xff{{binary}}", 11);
    QVERIFY(!resolver.unresolved(request).contains(u"binary"_s));
}

void tst_Variables::emptyResolverLeavesRequestAlone()
{
    HttpRequest request;
    request.url = u"https://{{host}}/"_s;
    const VariableResolver empty;
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.resolve(request).url, request.url);
    QCOMPARE(empty.resolve(u"{{host}}"_s), u"{{host}}"_s);
}

void tst_Variables::jsonRoundTripLeavesSecretValuesOut()
{
    Variable described = var(u"plain"_s, u"value"_s, false);
    described.description = u"what it is"_s;
    const VariableList variables { described, var(u"secret"_s, u"canary-secret-value"_s, true, true) };
    const QJsonArray array = variablesToJson(variables);
    const VariableList back = variablesFromJson(array);
    QCOMPARE(back.size(), 2);
    QCOMPARE(back.at(0), described);
    QCOMPARE(back.at(1).value, QString());
    QVERIFY(back.at(1).secret);
    // Postman-style numbers and booleans become text; anything else is skipped to empty.
    const QJsonArray postman { QJsonObject { { u"key"_s, u"n"_s }, { u"value"_s, 42 } },
                               QJsonObject { { u"key"_s, u"b"_s }, { u"value"_s, true } },
                               QJsonObject { { u"key"_s, u"o"_s }, { u"value"_s, QJsonObject() } },
                               QJsonValue(7) };
    const VariableList odd = variablesFromJson(postman);
    QCOMPARE(odd.size(), 4);
    QCOMPARE(odd.at(0).value, u"42"_s);
    QCOMPARE(odd.at(1).value, u"true"_s);
    QCOMPARE(odd.at(2).value, QString());
}

void tst_Variables::oauth2FieldResolved_data()
{
    QTest::addColumn<QString>("field");
    for (const QString &field : oauth2TextFields)
        QTest::newRow(qPrintable(field)) << field;
}

// Each text field of the configuration alone is resolved, with the others left as they were.
void tst_Variables::oauth2FieldResolved()
{
    QFETCH(QString, field);
    const VariableResolver resolver({ var(u"host"_s, u"dev1.example.com"_s), var(u"v"_s, u"value"_s) }, {},
                                    {});
    OAuth2Config config;
    config.grantType = OAuth2GrantType::Password;
    config.clientAuthentication = ClientAuthentication::BasicHeader;
    for (const QString &other : oauth2TextFields)
        *oauth2Field(config, other) = u"{{missing}}"_s;
    *oauth2Field(config, field) = u"https://{{host}}/{{v}}?x={{ v }}"_s;

    OAuth2Config resolved = resolver.resolve(config);
    QCOMPARE(*oauth2Field(resolved, field), u"https://dev1.example.com/value?x=value"_s);
    for (const QString &other : oauth2TextFields) {
        if (other != field)
            QCOMPARE(*oauth2Field(resolved, other), u"{{missing}}"_s);
    }
    QCOMPARE(resolved.grantType, OAuth2GrantType::Password);
    QCOMPARE(resolved.clientAuthentication, ClientAuthentication::BasicHeader);
}

void tst_Variables::oauth2SameAsThroughRequest_data()
{
    QTest::addColumn<VariableList>("environment");
    QTest::addColumn<VariableList>("globals");

    const VariableList values { var(u"host"_s, u"dev1.example.com"_s), var(u"id"_s, u"postern"_s),
                                var(u"secret"_s, u"s3cr{{et}}"_s, true, true), var(u"et"_s, u"et!"_s),
                                var(u"loop"_s, u"{{loop}}x"_s) };
    QTest::newRow("values, nested, secret, cycle")
        << values << VariableList { var(u"scope"_s, u"useraccount"_s) };
    QTest::newRow("no variables at all") << VariableList {} << VariableList {};
    QTest::newRow("disabled variable") << VariableList { var(u"host"_s, u"x"_s, false) } << VariableList {};
}

// The configuration resolved alone equals the one resolved inside a request, as the pane and the dialog
// used to do it.
void tst_Variables::oauth2SameAsThroughRequest()
{
    QFETCH(VariableList, environment);
    QFETCH(VariableList, globals);
    const VariableResolver resolver(environment, {}, globals);
    OAuth2Config config;
    int i = 0;
    const QStringList texts {
        u"https://{{host}}/oauth_auth.do"_s, u"{{id}}"_s, u"{{secret}}"_s, u"{{loop}}"_s,
        u"{{ scope }} {{unknown}}"_s,        u"plain"_s,  QString()
    };
    for (const QString &field : oauth2TextFields)
        *oauth2Field(config, field) = texts.at(i++ % texts.size());
    config.extraParameters.append(OAuth2ExtraParameter { u"{{id}}-2"_s, u"{{host}}"_s, {}, {} });

    HttpRequest carrier;
    carrier.auth.oauth2 = config;
    OAuth2Config old = resolver.resolve(carrier).auth.oauth2;
    OAuth2Config now = resolver.resolve(config);
    QCOMPARE(now.toJson(OAuth2Config::Secrets::Include), old.toJson(OAuth2Config::Secrets::Include));
    for (const QString &field : oauth2TextFields)
        QCOMPARE(*oauth2Field(now, field), *oauth2Field(old, field));
    QCOMPARE(now.extraParameters.size(), 2);
    QCOMPARE(now.extraParameters.last().name, old.extraParameters.last().name);
    QCOMPARE(now.extraParameters.last().value, old.extraParameters.last().value);
}

void tst_Variables::authConfigSameAsThroughRequest()
{
    const VariableResolver resolver({ var(u"user"_s, u"abel"_s), var(u"pw"_s, u"p{{user}}"_s) }, {}, {});
    AuthConfig auth;
    auth.username = u"{{user}}"_s;
    auth.password = u"{{pw}}"_s;
    auth.token = u"t-{{user}}"_s;
    auth.headerPrefix = u"{{prefix}}"_s;
    auth.oauth2.clientId = u"{{user}}"_s;
    HttpRequest carrier;
    carrier.auth = auth;
    const AuthConfig old = resolver.resolve(carrier).auth;
    const AuthConfig now = resolver.resolve(auth);
    QCOMPARE(now.username, u"abel"_s);
    QCOMPARE(now.password, u"pabel"_s);
    QCOMPARE(now.token, u"t-abel"_s);
    QCOMPARE(now.headerPrefix, u"{{prefix}}"_s);
    QCOMPARE(now.oauth2.clientId, u"abel"_s);
    QCOMPARE(now.username, old.username);
    QCOMPARE(now.password, old.password);
    QCOMPARE(now.token, old.token);
    QCOMPARE(now.headerPrefix, old.headerPrefix);
    QCOMPARE(now.oauth2.toJson(OAuth2Config::Secrets::Include),
             old.oauth2.toJson(OAuth2Config::Secrets::Include));
}

QTEST_GUILESS_MAIN(tst_Variables)

#include "tst_variables.moc"
