#pragma once

#include <QByteArray>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QWebEngineProfile;
class QWebEngineView;
QT_END_NAMESPACE

namespace Postern {

// An answer's HTML drawn as a browser would, and nothing more: no JavaScript, no plugins, no request
// of any kind (not for an image, a style sheet or a link clicked), no cookies or cache kept (a private
// profile of its own). Only the document's own bytes are shown; what it would fetch stays blank.
class HtmlPreview : public QWidget
{
    Q_OBJECT

public:
    // Qt WebEngine takes a document from memory as a data: URL of up to 2 MB, percent-encoded.
    static constexpr qsizetype MaxDocumentSize = 2 * 1024 * 1024 - 1024;

    // html in UTF-8.
    HtmlPreview(const QByteArray &html, QWidget *parent);
    ~HtmlPreview() override;

    QWebEngineView *view() const { return m_view; }

Q_SIGNALS:
    void loaded(bool ok);

private:
    QWebEngineProfile *m_profile = nullptr;
    QWebEngineView *m_view = nullptr;
};

} // namespace Postern
