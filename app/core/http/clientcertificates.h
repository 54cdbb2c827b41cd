#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Postern {

// A client certificate for TLS to some hosts (Postman's Settings → Certificates): a certificate file
// (PEM or DER) with its private key file, or one PKCS#12 file (.p12, .pfx) holding both; the passphrase
// of an encrypted key or of the PKCS#12 file is a secret (the keychain's, never a file's).
struct ClientCertificate
{
    // "api.example.com", "*.example.com" (any name below it), either with ":port" (without: 443).
    QString host;
    QString certFile;
    QString keyFile;
    QString pfxFile;
    QString passphrase;

    bool isEmpty() const { return host.trimmed().isEmpty(); }
    // Whether an https request to url gets this certificate.
    bool matches(const QUrl &url) const;
    // The file it is read from, for messages and lists: the PKCS#12 file or the certificate file.
    QString fileName() const;

    // Without the passphrase: files keep where the certificate is, never what opens it.
    QJsonObject toJson() const;
    static ClientCertificate fromJson(const QJsonObject &object);
};

// The client certificates in use, read once when set: a request to a matching host gets the first
// matching one's certificate chain and key. A certificate that cannot be read (a missing file, a wrong
// passphrase, not a certificate or key) is left out, with a sentence in problems() that names its host
// and file, never the passphrase.
class ClientCertificates
{
    Q_DECLARE_TR_FUNCTIONS(Postern::ClientCertificates)

public:
    ClientCertificates() = default;
    explicit ClientCertificates(const QList<ClientCertificate> &entries);

    const QList<ClientCertificate> &entries() const { return m_entries; }
    QStringList problems() const { return m_problems; }
    bool isEmpty() const { return m_loaded.isEmpty(); }

    // The entry whose certificate goes with a request to url (nullptr: none).
    const ClientCertificate *forUrl(const QUrl &url) const;
    // Puts that certificate and key into request's TLS configuration; false when none matches.
    bool applyTo(QNetworkRequest *request) const;

    // One certificate read on its own: the chain and key, or false with *error.
    static bool read(const ClientCertificate &entry, QList<QSslCertificate> *chain, QSslKey *key,
                     QString *error);

private:
    struct Loaded
    {
        int entry;
        QList<QSslCertificate> chain;
        QSslKey key;
    };
    QList<ClientCertificate> m_entries;
    QList<Loaded> m_loaded;
    QStringList m_problems;
};

// A network manager that gives each https request to a matching host its client certificate. The
// app's requests, token requests and discovery all go through one.
class CertificateNetworkManager : public QNetworkAccessManager
{
    Q_OBJECT

public:
    using QNetworkAccessManager::QNetworkAccessManager;

    // Takes effect for the next connection: Qt keeps open connections (and their TLS settings) per host,
    // so the cache is cleared; a host that refused Postern before sees the new certificate at once.
    void setClientCertificates(const ClientCertificates &certificates);
    const ClientCertificates &clientCertificates() const { return m_certificates; }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    ClientCertificates m_certificates;
};

} // namespace Postern
