#pragma once

#include <QImage>
#include <QScrollArea>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace Postern {

// An image answer as a picture: at its own size, or made smaller to fit the view; what it is ("PNG,
// 640 × 480 pixels") said above it and to screen readers.
class ImagePreview : public QWidget
{
    Q_OBJECT

public:
    // An image larger than this many pixels is not decoded (a small file can claim a huge picture).
    static constexpr qint64 MaxPixels = 100'000'000;
    struct Decoded
    {
        QImage image;
        QString text; // "PNG, 640 × 480 pixels, 12.1 kB", or why there is no image
    };
    // Decodes an image body (any thread).
    static Decoded decode(const QByteArray &body, const QByteArray &contentType);

    explicit ImagePreview(QWidget *parent = nullptr);

    // image null: problem says why there is nothing to show.
    void setImage(const QImage &image, const QString &description, const QString &problem = QString());
    QString description() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fit();

    QImage m_image;
    QLabel *m_caption = nullptr;
    QLabel *m_picture = nullptr;
    QScrollArea *m_scroll = nullptr;
};

} // namespace Postern
