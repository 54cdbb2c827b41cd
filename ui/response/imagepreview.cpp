#include "ui/response/imagepreview.h"

#include "bodyview/bodysniffer.h"

#include <QBuffer>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

ImagePreview::Decoded ImagePreview::decode(const QByteArray &body, const QByteArray &contentType)
{
    Decoded decoded;
    const QByteArray format = BodySniffer::imageFormat(body, contentType);
    QBuffer buffer;
    buffer.setData(body);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    const QSize size = reader.size();
    const QString name
        = QString::fromLatin1(format.isEmpty() ? BodySniffer::mediaType(contentType) : format.toUpper());
    if (size.isValid() && qint64(size.width()) * size.height() > MaxPixels) {
        decoded.text = tr("The image is %1 × %2 pixels, more than the preview draws (%3 million); Hex shows "
                          "its bytes, and Save Response keeps it.")
                           .arg(size.width())
                           .arg(size.height())
                           .arg(MaxPixels / 1'000'000);
        return decoded;
    }
    decoded.image = reader.read();
    if (decoded.image.isNull()) {
        decoded.text = tr("The image could not be read (%1): %2.").arg(name, reader.errorString());
        return decoded;
    }
    decoded.text = tr("%1, %2 × %3 pixels, %4")
                       .arg(name)
                       .arg(decoded.image.width())
                       .arg(decoded.image.height())
                       .arg(QLocale().formattedDataSize(body.size(), 1, QLocale::DataSizeTraditionalFormat));
    return decoded;
}

ImagePreview::ImagePreview(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_caption = new QLabel(this);
    m_caption->setObjectName(u"imageCaption"_s);
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_caption->setFocusPolicy(Qt::TabFocus);
    m_caption->setAccessibleName(tr("Image"));
    m_picture = new QLabel(this);
    m_picture->setObjectName(u"imagePicture"_s);
    m_picture->setAlignment(Qt::AlignCenter);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_picture);
    m_scroll->setWidgetResizable(true);
    m_scroll->setBackgroundRole(QPalette::Base);
    m_scroll->setAccessibleName(tr("Image preview"));
    layout->addWidget(m_caption);
    layout->addWidget(m_scroll, 1);
}

void ImagePreview::setImage(const QImage &image, const QString &description, const QString &problem)
{
    m_image = image;
    const QString text = image.isNull() ? problem : description;
    m_caption->setText(text);
    m_caption->setAccessibleName(text.isEmpty() ? tr("Image") : text);
    m_picture->setAccessibleName(image.isNull() ? tr("No image") : tr("Image: %1").arg(description));
    fit();
}

QString ImagePreview::description() const
{
    return m_caption->text();
}

void ImagePreview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fit();
}

void ImagePreview::fit()
{
    if (m_image.isNull()) {
        m_picture->setPixmap(QPixmap());
        return;
    }
    const QSize room = m_scroll->viewport()->size();
    QImage shown = m_image;
    if (m_image.width() > room.width() || m_image.height() > room.height())
        shown = m_image.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_picture->setPixmap(QPixmap::fromImage(shown));
}

} // namespace Postern
