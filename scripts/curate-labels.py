#!/usr/bin/env python3
"""Regenerate assets/report.json: import assets/report.txt, then apply the hand-curated labels.

Run after an importer change: python3 scripts/curate-labels.py
The labels below are the curated part of the embedded model; everything else comes from
the importer, and tests/model_fidelity.rs holds the two together.
"""
import json, subprocess, sys

LABELS = {
    "1.4.p1.s1": "配置法律顾问的村居",
    "1.4.p1.s2": "群众法律咨询",
    "1.4.p1.s3": "审查合同",
    "1.4.p1.s4": "出具法律意见书",
    "1.4.p1.s5": "参与调处纠纷",
    "1.4.p1.s6": "法治讲座",
    "1.4.p1.s7": "劳动就业中心办事窗口",
    "1.4.p1.s8": "就业服务窗口办理业务",
    "1.4.p1.s9": "市桥医院人才补助经费",
    "1.4.p1.s10": "社区卫生服务中心工作经费",
    "3.p4.s1": "兼职法制员",
    "3.p4.s2": "法制员提供法律意见",
    "4.p1.s1": "法制审核人员",
    "4.p1.s2": "法制审核人员占在编行政执法人员比例",
    "4.p1.s3": "法制审核人员与持证执法人员人数比",
    "4.3.p1.s1": "执法记录仪等执法设备",
    "5.p1.s1": "新收政府信息公开申请",
    "5.p1.s2": "不掌握相关政府信息的申请",
    "5.p2.s1": "征询人大代表建议",
    "5.p2.s2": "人大监督活动",
    "5.p2.s3": "收集社情意见",
    "5.p2.s4": "社情意见解决率",
    "5.p5.s1": "一审行政诉讼案件应出庭",
    "5.p5.s2": "一审行政诉讼案件实际出庭",
    "6.p1.s1": "调解网络中的社区",
    "6.p1.s2": "调解网络中的村",
    "6.p1.s3": "调解网络中的派出所",
    "6.p1.s4": "调解组织",
    "6.p1.s5": "处理劳资案件",
    "6.p1.s6": "劳资案件涉及员工",
    "6.p1.s7": "追讨工资、押金和加班费",
    "6.p1.s8": "劳资案件调解成功",
    "6.p1.s9": "追回金额",
    "6.p3.s1": "受理出嫁女申请",
    "6.p3.s2": "出嫁女权益保障行政裁决",
    "6.p3.s3": "街行政复议案件",
    "6.p3.s4": "行政应诉案件（一审、二审）",
    "7.p2.s1": "持行政执法证上岗执法人员",
}

out = subprocess.run(
    ["cargo", "run", "-q", "--", "import", "assets/report.txt"],
    check=True, capture_output=True, text=True,
).stdout
report = json.loads(out)
report["title"] = "市桥街2020年法治政府建设工作报告"
report["title_supplied"] = True
seen = set()

def walk(paragraphs):
    for p in paragraphs:
        for s in p["statistics"]:
            s["label"] = LABELS[s["id"]]
            seen.add(s["id"])

walk(report["intro"])
stack = list(report["sections"])
while stack:
    s = stack.pop()
    walk(s["paragraphs"])
    stack.extend(s["subsections"])
missing = set(LABELS) - seen
if missing:
    sys.exit(f"curated labels for statistics the importer no longer finds: {sorted(missing)}")
with open("assets/report.json", "w", encoding="utf-8") as f:
    json.dump(report, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(f"wrote assets/report.json with {len(seen)} statistics")
