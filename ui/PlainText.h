#pragma once

#include <QLabel>
#include <QMessageBox>
#include <QString>
#include <QTextDocument>

namespace tenure::PlainText {

// Account names, owners, event names, notes and rule labels come from imports, connectors and
// rule files: they must show as written, never act as markup. Qt guesses rich text in labels,
// message boxes and tooltips (Qt::mightBeRichText), so data goes through these.

// `text` as rich text that shows it as written: for tooltips, which guess rich text, and for
// labels that mix data with markup. Escaping alone is not enough for a tooltip: an escaped text
// without tags is taken as plain and shows "&lt;"; this escapes it and marks it as rich.
inline QString asRichText(const QString& text)
{
    return text.isEmpty() ? QString() : Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

// A label that shows its text as written, e.g. an error that quotes imported data.
inline QLabel* label(QLabel* label)
{
    label->setTextFormat(Qt::PlainText);
    return label;
}

// QMessageBox's static helpers guess rich text; these show `text` as written.
inline QMessageBox::StandardButton message(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                           const QString& text,
                                           QMessageBox::StandardButtons buttons = QMessageBox::Ok,
                                           QMessageBox::StandardButton defaultButton = QMessageBox::NoButton)
{
    QMessageBox box(icon, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

inline void warning(QWidget* parent, const QString& title, const QString& text)
{
    message(parent, QMessageBox::Warning, title, text);
}

} // namespace tenure::PlainText
