#include "ui/loginwindow/htmlpreview.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// Refuses every request the page makes: the document itself comes from memory, not the network.
class RequestBlocker : public QWebEngineUrlRequestInterceptor
{
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;
    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        if (info.requestUrl().scheme() != u"data"_s)
            info.block(true);
    }
};

// Stays on the document it was given: links go nowhere.
class StayingPage : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override
    {
        Q_UNUSED(url);
        Q_UNUSED(isMainFrame);
        return type == NavigationTypeTyped || (type == NavigationTypeOther && !m_loaded++);
    }

private:
    int m_loaded = 0;
};

} // namespace

HtmlPreview::HtmlPreview(const QByteArray &html, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    if (html.size() > MaxDocumentSize) {
        auto *note = new QLabel(
            tr("The preview shows HTML of up to 2 MB; this body is larger. Pretty and Raw show all of it."),
            this);
        note->setObjectName(u"htmlPreviewNote"_s);
        note->setWordWrap(true);
        note->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        layout->addWidget(note);
        return;
    }
    m_profile = new QWebEngineProfile(this); // no storage name: private, nothing kept on disk
    m_profile->setUrlRequestInterceptor(new RequestBlocker(m_profile));
    m_profile->setHttpCacheType(QWebEngineProfile::NoCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    auto *page = new StayingPage(m_profile, this);
    QWebEngineSettings *settings = page->settings();
    settings->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalStorageEnabled, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    settings->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    m_view = new QWebEngineView(this);
    m_view->setObjectName(u"htmlPreviewView"_s);
    m_view->setAccessibleName(tr("HTML preview"));
    m_view->setPage(page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    layout->addWidget(m_view);
    connect(page, &QWebEnginePage::loadFinished, this, [this, layout](bool ok) {
        if (!ok) {
            auto *note = new QLabel(tr("The page could not be drawn."), this);
            note->setObjectName(u"htmlPreviewNote"_s);
            layout->insertWidget(0, note);
        }
        Q_EMIT loaded(ok);
    });
    page->setHtml(QString::fromUtf8(html), QUrl(u"about:blank"_s));
}

HtmlPreview::~HtmlPreview()
{
    // The page goes before the profile it was made with.
    if (m_view)
        delete m_view->page();
}

} // namespace Postern
