#pragma once

#include "http/httprequest.h"
#include "ui/oauth/oauthservices.h"
#include "workspace/variables.h"

#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QSpinBox;
class QTabWidget;
QT_END_NAMESPACE

namespace Postern {

class AuthEditor;
class AssertionsEditor;
class BodyEditor;
class DeferredPage;
class ScriptsEditor;
class KeyValueEditor;
class KeyValueModel;

// Composes one request: method, URL, and the Params, Authorization, Headers, Body and Settings
// tabs. The URL's query and the Params table follow each other both ways. It only edits: sending
// is asked for with sendRequested() and done by whoever owns the editor.
class RequestEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RequestEditor(const OAuthServices &services, QWidget *parent = nullptr);

    // The Headers, Body, Scripts, Assertions and Settings pages are made when first shown; asking for
    // one makes it.
    AuthEditor *authEditor() const { return m_auth; }
    KeyValueEditor *headersEditor();
    QWidget *settingsPage();
    BodyEditor *bodyEditor();
    ScriptsEditor *scriptsEditor();
    AssertionsEditor *assertionsEditor();

    // Passed on to the Body tab (see BodyEditor::setWorkingDirectorySource()).
    void setWorkingDirectorySource(std::function<QString()> source);

    HttpRequest request() const;
    void setRequest(const HttpRequest &request);

    // While busy the Send button is a Cancel button.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }

    void focusUrl();

    // The variables {{name}} resolves against: hovering shows the values, names defined nowhere are
    // shown in red (URL, params, headers) and listed under the URL before sending. A change of
    // environment also switches the OAuth 2.0 token to the one obtained in that environment.
    void setVariableContext(const VariableResolver &resolver, const QString &environmentId);
    VariableResolver variableResolver() const { return m_resolver; }
    // For "Inherit auth from parent": whether the request is in a collection, and the inherited
    // authorization in words.
    void setInheritedAuth(bool available, const QString &description);

Q_SIGNALS:
    // The user edited something (not emitted by setRequest()).
    void changed();
    void sendRequested();
    void cancelRequested();
    // A curl command pasted into the URL was turned into this request; notes say what was left out.
    void curlImported(const QStringList &notes);
    void curlRefused(const QString &error);

private:
    QWidget *makeHeadersPage(QWidget *page);
    QWidget *makeSettingsPage(QWidget *page);
    QWidget *makeBodyPage(QWidget *page);
    QWidget *makeScriptsPage(QWidget *page);
    QWidget *makeAssertionsPage(QWidget *page);
    void onUrlEdited(const QString &text);
    void onParamsEdited();
    void onMethodChanged();
    void refreshAutomaticHeaders();
    void refreshAutomaticHeaders(const HttpRequest &current);
    void onSendClicked();
    void onEdited();
    void refreshVariableHints(const HttpRequest &current);

    QComboBox *m_method = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_send = nullptr;
    QTabWidget *m_tabs = nullptr;
    KeyValueEditor *m_params = nullptr;
    AuthEditor *m_auth = nullptr;
    KeyValueModel *m_headerRows = nullptr; // the Headers page's table shows it once made
    KeyValueEditor *m_headers = nullptr;
    QCheckBox *m_showAuthorization = nullptr;
    // Until its page is first shown, the part of the request a page edits stays in m_parked.
    DeferredPage *m_headersPage = nullptr;
    DeferredPage *m_settingsPage = nullptr;
    DeferredPage *m_bodyPage = nullptr;
    DeferredPage *m_scriptsPage = nullptr;
    DeferredPage *m_assertionsPage = nullptr;
    BodyEditor *m_body = nullptr;
    ScriptsEditor *m_scripts = nullptr;
    AssertionsEditor *m_assertions = nullptr;
    HttpRequest m_parked;
    std::function<QString()> m_workingDirectory;
    QSpinBox *m_timeout = nullptr;
    QCheckBox *m_verifyTls = nullptr;
    QCheckBox *m_followRedirects = nullptr;
    QLabel *m_certificate = nullptr; // the client certificate the URL's host gets, in words
    QNetworkAccessManager *m_network = nullptr;
    void showCertificate();
    QLabel *m_unresolved = nullptr;
    VariableResolver m_resolver;
    bool m_busy = false;
    bool m_loading = false;
    bool m_syncing = false;
};

} // namespace Postern
