#include "http/clientcertificates.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QNetworkRequest>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

constexpr qint64 maxFileBytes = 1024 * 1024;

QByteArray readSmall(const QString &path, QString *error)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (path.isEmpty() || !QFileInfo(path).isFile()) {
        *error = ClientCertificates::tr("there is no file “%1”").arg(path);
        return QByteArray();
    }
    if (QFileInfo(path).size() > maxFileBytes) {
        *error = ClientCertificates::tr("“%1” is too large to be a certificate or key file").arg(name);
        return QByteArray();
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = ClientCertificates::tr("“%1” cannot be read: %2").arg(name, file.errorString());
        return QByteArray();
    }
    return file.readAll();
}

} // namespace

bool ClientCertificate::matches(const QUrl &url) const
{
    if (url.scheme().compare(u"https"_s, Qt::CaseInsensitive) != 0)
        return false;
    QString pattern = host.trimmed().toLower();
    int port = 443;
    const qsizetype colon = pattern.lastIndexOf(u':');
    if (colon > 0 && !pattern.endsWith(u']')) {
        bool ok = false;
        port = pattern.mid(colon + 1).toInt(&ok);
        if (!ok)
            return false;
        pattern.truncate(colon);
    }
    if (pattern.startsWith(u'[') && pattern.endsWith(u']'))
        pattern = pattern.mid(1, pattern.size() - 2);
    if (pattern.isEmpty() || url.port(443) != port)
        return false;
    const QString target = url.host().toLower();
    if (pattern.startsWith(u"*."_s))
        return target.endsWith(pattern.mid(1)) && target.size() > pattern.size() - 1;
    return target == pattern;
}

QString ClientCertificate::fileName() const
{
    return QFileInfo(pfxFile.isEmpty() ? certFile : pfxFile).fileName();
}

QJsonObject ClientCertificate::toJson() const
{
    QJsonObject object { { u"host"_s, host } };
    if (!pfxFile.isEmpty())
        object.insert(u"pfxFile"_s, pfxFile);
    if (!certFile.isEmpty())
        object.insert(u"certFile"_s, certFile);
    if (!keyFile.isEmpty())
        object.insert(u"keyFile"_s, keyFile);
    return object;
}

ClientCertificate ClientCertificate::fromJson(const QJsonObject &object)
{
    ClientCertificate entry;
    entry.host = object.value(u"host"_s).toString();
    entry.pfxFile = object.value(u"pfxFile"_s).toString();
    entry.certFile = object.value(u"certFile"_s).toString();
    entry.keyFile = object.value(u"keyFile"_s).toString();
    return entry;
}

ClientCertificates::ClientCertificates(const QList<ClientCertificate> &entries)
    : m_entries(entries)
{
    for (int i = 0; i < m_entries.size(); ++i) {
        const ClientCertificate &entry = m_entries.at(i);
        if (entry.isEmpty())
            continue;
        Loaded loaded { i, {}, {} };
        QString error;
        if (read(entry, &loaded.chain, &loaded.key, &error))
            m_loaded.append(loaded);
        else
            m_problems << ClientCertificates::tr("The client certificate for %1 is not used: %2.")
                              .arg(entry.host.trimmed(), error);
    }
}

bool ClientCertificates::read(const ClientCertificate &entry, QList<QSslCertificate> *chain, QSslKey *key,
                              QString *error)
{
#ifdef QT_NO_SSL
    *error = ClientCertificates::tr("this build of Postern has no TLS support");
    return false;
#else
    error->clear();
    const QByteArray passphrase = entry.passphrase.toUtf8();
    if (!entry.pfxFile.trimmed().isEmpty()) {
        const QByteArray bytes = readSmall(entry.pfxFile.trimmed(), error);
        if (!error->isEmpty())
            return false;
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        QSslCertificate certificate;
        QList<QSslCertificate> authorities;
        if (!QSslCertificate::importPkcs12(&buffer, key, &certificate, &authorities, passphrase)
            || key->isNull() || certificate.isNull()) {
            *error = ClientCertificates::tr(
                         "“%1” cannot be opened: the passphrase is wrong, or it is not a PKCS#12 file "
                         "with a certificate and its key")
                         .arg(entry.fileName());
            return false;
        }
        *chain = QList<QSslCertificate> { certificate } + authorities;
        return true;
    }
    const QByteArray certBytes = readSmall(entry.certFile.trimmed(), error);
    if (!error->isEmpty())
        return false;
    *chain = QSslCertificate::fromData(certBytes, QSsl::Pem);
    if (chain->isEmpty())
        *chain = QSslCertificate::fromData(certBytes, QSsl::Der);
    if (chain->isEmpty()) {
        *error = ClientCertificates::tr("“%1” holds no PEM or DER certificate").arg(entry.fileName());
        return false;
    }
    const QByteArray keyBytes = readSmall(entry.keyFile.trimmed(), error);
    if (!error->isEmpty())
        return false;
    for (const QSsl::EncodingFormat format : { QSsl::Pem, QSsl::Der }) {
        for (const QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec }) {
            if (key->isNull())
                *key = QSslKey(keyBytes, algorithm, format, QSsl::PrivateKey, passphrase);
        }
    }
    if (key->isNull()) {
        *error = passphrase.isEmpty()
            ? ClientCertificates::tr(
                  "“%1” is not a private key Postern can read (an encrypted key needs its passphrase)")
                  .arg(QFileInfo(entry.keyFile).fileName())
            : ClientCertificates::tr("“%1” cannot be read with the passphrase given, or is not a private key")
                  .arg(QFileInfo(entry.keyFile).fileName());
        return false;
    }
    return true;
#endif
}

const ClientCertificate *ClientCertificates::forUrl(const QUrl &url) const
{
    for (const Loaded &loaded : m_loaded) {
        if (m_entries.at(loaded.entry).matches(url))
            return &m_entries.at(loaded.entry);
    }
    return nullptr;
}

bool ClientCertificates::applyTo(QNetworkRequest *request) const
{
#ifndef QT_NO_SSL
    for (const Loaded &loaded : m_loaded) {
        if (!m_entries.at(loaded.entry).matches(request->url()))
            continue;
        QSslConfiguration configuration = request->sslConfiguration();
        configuration.setLocalCertificateChain(loaded.chain);
        configuration.setPrivateKey(loaded.key);
        request->setSslConfiguration(configuration);
        return true;
    }
#endif
    Q_UNUSED(request);
    return false;
}

void CertificateNetworkManager::setClientCertificates(const ClientCertificates &certificates)
{
    m_certificates = certificates;
    clearConnectionCache();
}

QNetworkReply *CertificateNetworkManager::createRequest(Operation op, const QNetworkRequest &request,
                                                        QIODevice *outgoingData)
{
    if (m_certificates.isEmpty())
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    QNetworkRequest copy(request);
    m_certificates.applyTo(&copy);
    return QNetworkAccessManager::createRequest(op, copy, outgoingData);
}

} // namespace Postern
