"""Dutch search and order (issue 15.2): accents and case do not matter, tussenvoegsels do not sort."""

from __future__ import annotations

from lcv_tui.domain.names import fold, matches, split_surname, surname_sort_key


def test_fold_removes_accents_and_case():
    assert fold("Çelik") == "celik"
    assert fold("Öztürk") == "ozturk"
    assert fold("YILMAZ") == "yilmaz"
    assert fold("Yıldız") == "yildiz"
    assert fold("Ĳsselmeer") == "ijsselmeer"
    assert fold("Søren") == "soren"


def test_search_ignores_accents_case_and_word_order():
    assert matches("celik", "Çelik", "B.")
    assert matches("ozturk", "Öztürk")
    assert matches("ÖZTÜRK", "Ozturk")
    assert matches("vries de", "de Vries")
    assert not matches("celik jansen", "Çelik")
    assert matches("", "anything")


def test_tussenvoegsels_do_not_count_for_the_order():
    assert split_surname("van der Berg") == ("van der", "Berg")
    assert split_surname("De") == ("", "De")
    names = ["de Vries", "Çelik", "van Dijk", "Öztürk", "Bakker", "Zwart", "'t Hart"]
    ordered = sorted(names, key=surname_sort_key)
    assert ordered == ["Bakker", "Çelik", "van Dijk", "'t Hart", "Öztürk", "de Vries", "Zwart"]
    assert surname_sort_key("Çelik") < surname_sort_key("de Vries")
