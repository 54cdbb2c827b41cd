// Client certificates at the token endpoint and certificate-bound tokens (RFC 8705) against
// oidc-provider served over HTTPS (tests/e2e/oidc --tls), with a CA, a server and a client certificate
// the openssl command makes: a client registered for bound tokens gets a token whose cnf.x5t#S256 (as the
// provider's introspection says) is the thumbprint of the certificate Settings → Client Certificates set
// for the host; without a certificate for the host the provider refuses, and Postern says why. Skipped
// when Node.js or the npm packages are missing.

#include "http/clientcertificates.h"
#include "oauth/tokenendpointclient.h"
#include "shared/oidcprovider.h"
#include "tokencanaries.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;
using PosternTest::OidcHttp;
using PosternTest::OidcProvider;

Q_DECLARE_METATYPE(Postern::OAuth2Result)

namespace {

const QString ClientId = u"postern-mtls"_s;
const QString ClientSecret = u"postern-mtls-secret"_s;

} // namespace

class tst_MtlsOidc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tokenBoundToTheCertificate();
    void noCertificateRefused();

private:
    OAuth2Config config() const;
    OAuth2Result run(TokenEndpointJob *job);

    QTemporaryDir m_dir;
    OidcProvider m_provider;
    QSslConfiguration m_original;
};

void tst_MtlsOidc::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    QFile san(m_dir.filePath(u"san.cnf"_s));
    QVERIFY(san.open(QIODevice::WriteOnly) && san.write("subjectAltName=IP:127.0.0.1\n") > 0);
    san.close();
    const QList<QStringList> steps {
        { u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
          u"-nodes"_s, u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.crt"_s, u"-days"_s, u"2"_s, u"-subj"_s,
          u"/CN=Test CA"_s },
        { u"req"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s, u"-nodes"_s,
          u"-keyout"_s, u"server.key"_s, u"-out"_s, u"server.csr"_s, u"-subj"_s, u"/CN=127.0.0.1"_s },
        { u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.crt"_s, u"-CAkey"_s, u"ca.key"_s,
          u"-CAcreateserial"_s, u"-out"_s, u"server.crt"_s, u"-days"_s, u"2"_s, u"-extfile"_s, u"san.cnf"_s },
        { u"req"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s, u"-nodes"_s,
          u"-keyout"_s, u"client.key"_s, u"-out"_s, u"client.csr"_s, u"-subj"_s, u"/CN=postern-mtls"_s },
        { u"x509"_s, u"-req"_s, u"-in"_s, u"client.csr"_s, u"-CA"_s, u"ca.crt"_s, u"-CAkey"_s, u"ca.key"_s,
          u"-CAcreateserial"_s, u"-out"_s, u"client.crt"_s, u"-days"_s, u"2"_s },
    };
    for (const QStringList &step : steps) {
        QProcess openssl;
        openssl.setWorkingDirectory(m_dir.path());
        openssl.start(u"openssl"_s, step);
        QVERIFY(openssl.waitForFinished(30000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    }
    // Postern trusts the test CA as a user's system trusts a company CA.
    m_original = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = m_original;
    trusting.addCaCertificates(QSslCertificate::fromPath(m_dir.filePath(u"ca.crt"_s)));
    QSslConfiguration::setDefaultConfiguration(trusting);

    m_provider.setTlsDirectory(m_dir.path());
    m_provider.setExtraClients({ QJsonObject { { u"client_id"_s, ClientId },
                                               { u"client_secret"_s, ClientSecret },
                                               { u"token_endpoint_auth_method"_s, u"client_secret_post"_s },
                                               { u"grant_types"_s, QJsonArray { u"client_credentials"_s } },
                                               { u"redirect_uris"_s, QJsonArray() },
                                               { u"response_types"_s, QJsonArray() },
                                               { u"tls_client_certificate_bound_access_tokens"_s, true } } });
    QString whyNot;
    if (!m_provider.start(&whyNot))
        QSKIP(qPrintable(u"OpenID provider unavailable: "_s + whyNot));
    QCOMPARE(m_provider.issuer().scheme(), u"https"_s);
}

void tst_MtlsOidc::cleanupTestCase()
{
    QSslConfiguration::setDefaultConfiguration(m_original);
}

OAuth2Config tst_MtlsOidc::config() const
{
    OAuth2Config c;
    c.tokenName = u"mTLS"_s;
    c.grantType = OAuth2GrantType::ClientCredentials;
    c.accessTokenUrl = m_provider.endpoint(u"/token"_s).toString();
    c.clientId = ClientId;
    c.clientSecret = ClientSecret;
    return c;
}

OAuth2Result tst_MtlsOidc::run(TokenEndpointJob *job)
{
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    if (finished.isEmpty() && !finished.wait(15000))
        return OAuth2Result::failed(OAuth2Result::Failure::Network, u"(test: no result)"_s);
    return Testing::recorded(finished.first().first().value<OAuth2Result>());
}

void tst_MtlsOidc::tokenBoundToTheCertificate()
{
    ClientCertificate entry;
    entry.host = u"127.0.0.1:%1"_s.arg(m_provider.issuer().port());
    entry.certFile = m_dir.filePath(u"client.crt"_s);
    entry.keyFile = m_dir.filePath(u"client.key"_s);
    CertificateNetworkManager network;
    network.setClientCertificates(ClientCertificates({ entry }));
    TokenEndpointClient client(&network);
    const OAuth2Result result = run(client.requestClientCredentialsToken(config()));
    QVERIFY2(result.ok(), qPrintable(result.message + u' ' + result.errorDescription));

    // RFC 8705 §3.1: cnf.x5t#S256 is the SHA-256 thumbprint of the certificate's DER.
    const QSslCertificate certificate = QSslCertificate::fromPath(entry.certFile).value(0);
    const QString thumbprint
        = QString::fromLatin1(QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256)
                                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    OidcHttp http;
    const auto introspection = http.postForm(m_provider.endpoint(u"/token/introspection"_s),
                                             { { u"token"_s, result.token.accessToken },
                                               { u"client_id"_s, ClientId },
                                               { u"client_secret"_s, ClientSecret } });
    QVERIFY2(introspection.status == 200, introspection.body.constData());
    QVERIFY(introspection.json().value(u"active"_s).toBool());
    QCOMPARE(introspection.json().value(u"cnf"_s).toObject().value(u"x5t#S256"_s).toString(), thumbprint);
}

void tst_MtlsOidc::noCertificateRefused()
{
    // A certificate set for another host is not presented here.
    ClientCertificate elsewhere;
    elsewhere.host = u"gateway.example.com"_s;
    elsewhere.certFile = m_dir.filePath(u"client.crt"_s);
    elsewhere.keyFile = m_dir.filePath(u"client.key"_s);
    CertificateNetworkManager network;
    network.setClientCertificates(ClientCertificates({ elsewhere }));
    TokenEndpointClient client(&network);
    const OAuth2Result refused = run(client.requestClientCredentialsToken(config()));
    QCOMPARE(refused.failure, OAuth2Result::Failure::TokenEndpointError);
    QCOMPARE(refused.error, u"invalid_grant"_s);
    QVERIFY2(refused.message.contains(u"invalid_grant"_s), qPrintable(refused.message));
    QVERIFY2(refused.message.contains(u"client certificate"_s), qPrintable(refused.message));
}

QTEST_GUILESS_MAIN(tst_MtlsOidc)
#include "tst_mtls_oidc.moc"
