#include "ui/response/imagepreview.h"

#include <QLabel>
#include <QPixmap>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

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
    m_caption->setAccessibleName(u"Image"_s);
    m_picture = new QLabel(this);
    m_picture->setObjectName(u"imagePicture"_s);
    m_picture->setAlignment(Qt::AlignCenter);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_picture);
    m_scroll->setWidgetResizable(true);
    m_scroll->setBackgroundRole(QPalette::Base);
    m_scroll->setAccessibleName(u"Image preview"_s);
    layout->addWidget(m_caption);
    layout->addWidget(m_scroll, 1);
}

void ImagePreview::setImage(const QImage &image, const QString &description, const QString &problem)
{
    m_image = image;
    const QString text = image.isNull() ? problem : description;
    m_caption->setText(text);
    m_caption->setAccessibleName(text.isEmpty() ? u"Image"_s : text);
    m_picture->setAccessibleName(image.isNull() ? u"No image"_s : u"Image: "_s + description);
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
