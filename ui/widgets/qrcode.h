#pragma once

#include <QImage>
#include <QString>

namespace Postern {

// A QR code (ISO/IEC 18004) of text, drawn by libqrencode: black modules of moduleSize pixels on
// white, with the four-module quiet zone the standard asks for. Error correction level M; the
// smallest version that holds the text. A null image when the text does not fit in a QR code (more
// than about 2,300 bytes at level M) or is empty.
QImage qrCodeImage(const QString &text, int moduleSize = 4);

} // namespace Postern
