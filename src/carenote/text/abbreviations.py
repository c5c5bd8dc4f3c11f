"""Clinical abbreviations written in capitals ("SOB", "HTN") and what they stand for.

An abbreviation is matched only as written here (upper case), and only if one of its
expansions is a phrase of the lexicon: "HTN" then names whatever "hypertension" names.
Ambiguous ones are left out on purpose: RA (room air / rheumatoid arthritis), PE
(pulmonary embolism / physical examination), CP (chest pain / cerebral palsy), MS
(multiple sclerosis / mitral stenosis), N/V and other two-finding forms.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: Abbreviation → expansions, most usual first.
ABBREVIATIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "SOB": ("shortness of breath", "dyspnea"),
        "SOBOE": ("shortness of breath on exertion", "exertional dyspnea"),
        "DOE": ("dyspnea on exertion", "exertional dyspnea"),
        "PND": ("paroxysmal nocturnal dyspnea",),
        "HTN": ("hypertension",),
        "DM": ("diabetes mellitus",),
        "T1DM": ("type 1 diabetes mellitus", "type 1 diabetes"),
        "T2DM": ("type 2 diabetes mellitus", "type 2 diabetes", "type II diabetes mellitus"),
        "AF": ("atrial fibrillation",),
        "MI": ("myocardial infarction",),
        "CAD": ("coronary artery disease",),
        "IHD": ("ischemic heart disease",),
        "CHF": ("congestive heart failure", "heart failure"),
        "CKD": ("chronic kidney disease",),
        "ESRD": ("end stage renal disease", "end-stage renal disease"),
        "AKI": ("acute kidney injury",),
        "COPD": ("chronic obstructive pulmonary disease",),
        "OSA": ("obstructive sleep apnea",),
        "DVT": ("deep vein thrombosis", "deep venous thrombosis"),
        "TIA": ("transient ischemic attack",),
        "CVA": ("stroke", "cerebrovascular accident"),
        "UTI": ("urinary tract infection",),
        "URTI": ("upper respiratory tract infection",),
        "GERD": ("gastroesophageal reflux disease", "gastroesophageal reflux"),
        "GORD": ("gastroesophageal reflux disease", "gastroesophageal reflux"),
        "IBS": ("irritable bowel syndrome",),
        "IBD": ("inflammatory bowel disease",),
        "BPH": ("benign prostatic hyperplasia",),
        "LOC": ("loss of consciousness",),
        "HIV": ("HIV infection", "human immunodeficiency virus infection"),
        "TB": ("tuberculosis",),
        "URI": ("upper respiratory tract infection",),
    }
)
#: The token an abbreviation normalises to: distinct from any ordinary word, so that
#: "sob" (to cry) or "doe" never match.
PREFIX = "@"
