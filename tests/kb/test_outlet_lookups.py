"""Outlets known by their sites' domains and their page and account names."""

from __future__ import annotations

import pytest

from communique.kb import KBError, load, load_outlets
from communique.kb.names import handle_key, host_of, parent_domains


@pytest.fixture(scope="module")
def kb():
    return load_outlets()


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.voanews.com/a/china-russia-talks/7000001.html", "voa"),
        ("tass.com", "tass"),
        ("https://tass.ru/politika/1", "tass"),
        ("http://www.xinhuanet.com/english/2023-02/22/c_1.htm", "xinhua"),
        ("news.cn", "xinhua"),
        ("https://english.news.cn/20230222/abc/c.html", "xinhua"),
        ("https://www.rt.com/news/570000-lavrov/", "rt"),
        ("https://sputnikglobe.com/20230222/x.html", "sputnik"),
        ("https://sputniknews.com/20210101/y.html", "sputnik"),
        ("https://www.globaltimes.cn/page/202302/1.shtml", "global-times"),
        ("https://www.nytimes.com/2023/02/22/world/europe/wang-yi-putin.html", "new-york-times"),
        ("https://www.reuters.com/world/x", "reuters"),
        ("https://apnews.com/article/abc", "ap"),
        ("https://www.bbc.co.uk/news/world-1", "bbc"),
        ("https://www.bbc.com/news/world-2", "bbc"),
        ("HTTPS://WWW.ALJAZEERA.COM/news/2023/2/22/x", "al-jazeera"),
        ("https://www.abc.net.au/news/2023-02-22/x/1", "abc-australia"),
    ],
)
def test_a_url_or_host_names_the_outlet_whose_site_it_is_on(kb, url, outlet):
    found = kb.outlet_by_domain(url)
    assert found is not None and found.id == outlet


@pytest.mark.parametrize(
    ("host", "outlet"),
    [
        ("edition.cnn.com", "cnn"),
        ("https://amp.cnn.com/cnn/2023/x", "cnn"),
        ("https://english.alarabiya.net/News/x", "al-arabiya"),
        ("https://asia.nikkei.com/Politics/x", "nikkei"),
        ("https://japannews.yomiuri.co.jp/politics/x", "yomiuri-shimbun"),
        ("https://news.sky.com/story/x", "sky-news"),
        ("https://timesofindia.indiatimes.com/world/x.cms", "times-of-india"),
    ],
)
def test_a_host_under_an_outlets_domain_is_the_outlets(kb, host, outlet):
    found = kb.outlet_by_domain(host)
    assert found is not None and found.id == outlet


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/a",  # a site the knowledge base does not know
        "https://uk.news.yahoo.com/x",  # a portal that republishes others
        "https://www.sky.com/",  # the company, not its news site
        "https://economictimes.indiatimes.com/x",  # another publication on the same domain
        "https://cn/",  # a top-level domain alone
        "cnn",  # not a host
        "Voice of America",
        "",
        "https://[::1/",  # malformed
        "https://192.0.2.1/news",
    ],
)
def test_a_site_the_knowledge_base_does_not_know_is_no_outlet(kb, url):
    assert kb.outlet_by_domain(url) is None


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("SputnikInt", "sputnik"),
        ("NYTimes", "new-york-times"),
        ("@nytimes", "new-york-times"),
        ("Reuters", "reuters"),
        ("XHNews", "xinhua"),
        ("@XHNews", "xinhua"),
        ("CGTNOfficial", "cgtn"),
        ("globaltimesnews", "global-times"),
        ("Global Times News", "global-times"),
        ("VOANews", "voa"),
        (" @VOANEWS ", "voa"),
        ("AJEnglish", "al-jazeera"),
        ("RT_com", "rt"),
        ("tassagency_en", "tass"),
    ],
)
def test_a_page_or_account_name_names_its_outlet(kb, name, outlet):
    found = kb.outlet_by_handle(name)
    assert found is not None and found.id == outlet


@pytest.mark.parametrize("name", ["Sputnik Globe", "@", "", "nobody_at_all", "voanews.com"])
def test_an_unknown_page_name_is_no_outlet(kb, name):
    assert kb.outlet_by_handle(name) is None


def test_the_shipped_outlets_carry_domains_and_handles(kb):
    outlets = [actor for actor in kb.actors.values() if actor.kind == "outlet"]
    assert len(outlets) == 116
    assert sum(1 for actor in outlets if actor.domains) >= 110
    assert sum(1 for actor in outlets if actor.handles) >= 70
    for actor in outlets:
        for domain in actor.domains:
            assert host_of(domain) == domain and not domain.startswith("www.")
            assert kb.outlet_by_domain(domain) is actor
        for handle in actor.handles:
            assert kb.outlet_by_handle(handle) is actor


def test_the_full_knowledge_base_has_the_same_lookups():
    full = load()
    assert full.outlet_by_domain("https://www.voanews.com/a/1.html").name == "Voice of America"
    assert full.outlet_by_handle("@SputnikInt").name == "Sputnik"


def test_hosts_and_handles_are_read_in_one_form():
    assert host_of("https://WWW.VOANews.com:443/a?b#c") == "voanews.com"
    assert host_of("voanews.com/a/x.html") == "voanews.com"
    assert host_of("//tass.com") == "tass.com"
    assert host_of("news.cn.") == "news.cn"
    assert host_of("a b.com") is None
    assert parent_domains("a.b.news.cn") == ["a.b.news.cn", "b.news.cn", "news.cn"]
    assert parent_domains("news.cn") == ["news.cn"]
    assert handle_key("@Global Times News") == "globaltimesnews"


USER_OUTLETS = """\
version: 1
outlets:
  - id: harbour-courier
    name: Harbour Courier
    country: GBR
    domains: [harbourcourier.example]
    handles: [HarbourCourier]
  - id: voa
    name: Voice of America
    domains: [voa-mirror.example]
"""


def test_a_users_file_adds_outlets_and_domains(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_OUTLETS, encoding="utf-8")
    kb = load_outlets([path])
    assert kb.outlet_by_domain("https://news.harbourcourier.example/x").id == "harbour-courier"
    assert kb.outlet_by_handle("@harbourcourier").id == "harbour-courier"
    voa = kb.outlet_by_domain("voa-mirror.example")
    assert voa.id == "voa" and {"voanews.com", "voa-mirror.example"} <= set(voa.domains)
    assert kb.outlet_by_handle("VOANews") is voa  # the shipped handle stays
    assert load_outlets().outlet_by_domain("voa-mirror.example") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "outlets:\n  - {id: copy-wire, name: Copy Wire, domains: [voanews.com]}\n",
            r"outlets record 1 \(copy-wire\): domain 'voanews.com' is already outlet 'voa'",
        ),
        (
            "outlets:\n  - {id: copy-wire, name: Copy Wire, handles: ['@sputnikint']}\n",
            r"outlets record 1 \(copy-wire\): handle 'sputnikint' is already outlet 'sputnik'",
        ),
        (
            "outlets:\n  - {id: one, name: One, domains: [one.example]}\n"
            "  - {id: two, name: Two, domains: [one.example]}\n",
            r"outlets record 2 \(two\): domain 'one.example' is already outlet 'one'.*record 1",
        ),
        (
            "outlets:\n  - {id: one, name: One, domains: ['https://www.one.example/']}\n",
            r"outlets record 1 \(one\): 'https://www.one.example/' is not a domain",
        ),
        (
            "outlets:\n  - {id: one, name: One, domains: [www.one.example]}\n",
            "is not a domain",
        ),
        ("outlets:\n  - {id: one, name: One, domains: [One.Example]}\n", "is not a domain"),
        ("outlets:\n  - {id: one, name: One, domains: [localhost]}\n", "is not a domain"),
        ("outlets:\n  - {id: one, name: One, handles: ['x.com/one']}\n", "not a page or"),
        ("outlets:\n  - {id: one, name: One, handles: ['@']}\n", "not a page or"),
    ],
)
def test_a_bad_or_shared_domain_or_handle_is_refused_naming_the_record(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KBError, match=message) as error:
        load_outlets([path])
    assert "bad.yaml" in str(error.value)
