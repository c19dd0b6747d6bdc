"""The CSV delimiter is found by csv.Sniffer: a quoted header holding the other delimiter is not split there."""

from __future__ import annotations

import pytest

from app.services.importing.spreadsheet import guess_delimiter, read_csv


@pytest.mark.parametrize("text,delimiter", [
    # a count of the first line's characters (the old guess) would split both of these at the wrong one
    ('"Namn, efternamn, förnamn";stadsdel;"startdatum, beslut"\r\n"Öberg, Åsa";Älvsjö;2024-03-01\r\n', ";"),
    ('"namn; fullständigt; folkbokfört",stadsdel,startdatum\r\n"Öberg; Åsa",Älvsjö,2024-03-01\r\n', ","),
    ("namn\tstadsdel\tanteckning\r\nÅsa Öberg\tÄlvsjö\t\"ring först, sedan sms\"\r\n", "\t"),
    ("namn;stadsdel\r\nÅsa Öberg;Älvsjö\r\nMärta Ek;Skärholmen\r\n", ";"),
])
def test_quoted_header_holding_the_other_delimiter(text: str, delimiter: str) -> None:
    assert guess_delimiter(text) == delimiter
    sheet = read_csv(text.encode("utf-8"))
    assert len(sheet.headers) == 3 or sheet.headers == ["namn", "stadsdel"]
    assert all(len(row) == len(sheet.headers) for row in sheet.rows)


def test_the_quoted_header_keeps_its_comma() -> None:
    sheet = read_csv('"Namn, efternamn först";stadsdel;startdatum\r\n"Öberg, Åsa";Älvsjö;2024-03-01\r\n'
                     .encode("cp1252"))
    assert sheet.headers == ["Namn, efternamn först", "stadsdel", "startdatum"]
    assert sheet.rows == [["Öberg, Åsa", "Älvsjö", "2024-03-01"]]


def test_a_single_column_file_still_reads() -> None:
    sheet = read_csv("namn\r\nÅsa Öberg\r\nMärta Ek\r\n".encode())
    assert sheet.headers == ["namn"] and sheet.rows == [["Åsa Öberg"], ["Märta Ek"]]
