#pragma once

#include "httprequest.h"
#include "oauthservices.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
QT_END_NAMESPACE

namespace Postern {

class AuthEditor;
class KeyValueEditor;

// Composes one request: method, URL, and the Params, Authorization, Headers, Body and Settings
// tabs. The URL's query and the Params table follow each other both ways. It only edits: sending
// is asked for with sendRequested() and done by whoever owns the editor.
class RequestEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RequestEditor(const OAuthServices &services, QWidget *parent = nullptr);

    AuthEditor *authEditor() const { return m_auth; }

    HttpRequest request() const;
    void setRequest(const HttpRequest &request);

    // While busy the Send button is a Cancel button.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }

    void focusUrl();

Q_SIGNALS:
    void sendRequested();
    void cancelRequested();
    // A curl command pasted into the URL was turned into this request; notes say what was left out.
    void curlImported(const QStringList &notes);
    void curlRefused(const QString &error);

private:
    QWidget *makeBodyTab();
    QWidget *makeSettingsTab();
    void onUrlEdited(const QString &text);
    void onParamsEdited();
    void onMethodChanged();
    void refreshAutomaticHeaders();
    void onSendClicked();

    QComboBox *m_method = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_send = nullptr;
    QTabWidget *m_tabs = nullptr;
    KeyValueEditor *m_params = nullptr;
    AuthEditor *m_auth = nullptr;
    KeyValueEditor *m_headers = nullptr;
    QComboBox *m_bodyType = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_bodyNote = nullptr;
    QSpinBox *m_timeout = nullptr;
    QCheckBox *m_verifyTls = nullptr;
    QCheckBox *m_followRedirects = nullptr;
    bool m_busy = false;
    bool m_syncing = false;
};

} // namespace Postern
