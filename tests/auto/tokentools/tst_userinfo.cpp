// The UserInfo answer judged as hostile (OpenID Connect Core §5.3): a JSON object or a JWT with a "sub",
// about the ID token's subject, or a clear reason why nothing is shown. The endpoint itself is asked in
// tst_oauthflow_oidc, against oidc-provider.

#include "tokentools/userinfo.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_UserInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answers_data();
    void answers();
};

void tst_UserInfo::answers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedSubject");
    QTest::addColumn<QString>("error"); // a part of it; empty: the claims are shown
    QTest::addColumn<QString>("name"); // the "name" claim when shown

    const QByteArray alice = R"({"sub":"alice","name":"Alice Example","email":"alice@example.com"})";
    QTest::newRow("claims") << 200 << "application/json"_ba << alice << QString() << QString()
                            << u"Alice Example"_s;
    QTest::newRow("claims of the ID token's subject") << 200 << "application/json; charset=utf-8"_ba << alice
                                                      << u"alice"_s << QString() << u"Alice Example"_s;
    QTest::newRow("another subject") << 200 << "application/json"_ba << alice << u"mallory"_s
                                     << u"about another user"_s << QString();
    QTest::newRow("no sub") << 200 << "application/json"_ba
                            << R"({"name":"Nobody"})"_ba << QString() << u"has no \u201csub\u201d"_s
                            << QString();
    QTest::newRow("sub not a string")
        << 200 << "application/json"_ba
        << R"({"sub":42})"_ba << QString() << u"has no \u201csub\u201d"_s << QString();
    QTest::newRow("token refused") << 401 << "application/json"_ba
                                   << R"({"error":"invalid_token"})"_ba << QString()
                                   << u"refused the token (HTTP 401)"_s << QString();
    QTest::newRow("server error") << 500 << "text/plain"_ba
                                  << "oops"_ba << QString() << u"HTTP 500"_s << QString();
    QTest::newRow("HTML login page") << 200 << "text/html"_ba
                                     << "<html><body>Sign in</body></html>"_ba << QString() << u"HTML page"_s
                                     << QString();
    QTest::newRow("a JSON array") << 200 << "application/json"_ba
                                  << "[1,2,3]"_ba << QString() << u"not a JSON object"_s << QString();
    QTest::newRow("truncated JSON") << 200 << "application/json"_ba
                                    << R"({"sub":"al)"_ba << QString() << u"not a JSON object"_s << QString();
    // eyJhbGciOiJub25lIn0 = {"alg":"none"}; the payload {"sub":"bob","name":"Bob"}
    QTest::newRow("signed answer") << 200 << "application/jwt"_ba
                                   << "eyJhbGciOiJub25lIn0.eyJzdWIiOiJib2IiLCJuYW1lIjoiQm9iIn0."_ba
                                   << u"bob"_s << QString() << u"Bob"_s;
    QTest::newRow("says JWT, is not") << 200 << "application/jwt"_ba
                                      << "not-a-jwt"_ba << QString() << u"is not one"_s << QString();
}

void tst_UserInfo::answers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedSubject);
    QFETCH(QString, error);
    QFETCH(QString, name);
    const UserInfoResult result = UserInfoResult::fromAnswer(status, contentType, body, expectedSubject);
    if (error.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.claims.value(u"name"_s).toString(), name);
        QCOMPARE(result.signedAnswer, contentType == "application/jwt");
        return;
    }
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
    QVERIFY(result.claims.isEmpty());
}

QTEST_GUILESS_MAIN(tst_UserInfo)
#include "tst_userinfo.moc"
