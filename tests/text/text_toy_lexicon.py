"""The small hand-made lexicon of the text parser's tests (used by conftest.py).

    id                       name            phrases
    HP:0001945               Fever           fever, febrile, pyrexia, high temperature
    HP:0012735               Cough           cough, coughing
    HP:0100749               Chest pain      chest pain, chest tightness
    HP:0000988               Skin rash       rash, skin rash
    HP:0002013               Vomiting        vomiting, emesis, throwing up
    HP:0002315               Headache        headache, head pain
    HP:0031179               Neck stiffness  neck stiffness, stiff neck
    HP:0001903               Anemia          anemia
    HP:0000969               Edema           edema, swelling of the ankles
    HP:0002014               Diarrhea        diarrhea, loose stools
    HP:0002094               Dyspnea         shortness of breath, breathlessness
    HP:0000822               Hypertension    hypertension, high blood pressure
    HP:0012531               Pain            pain
    HP:0002027               Abdominal pain  abdominal pain, stomach ache
    HP:0001250               Seizure         seizure, fit, convulsion
    HP:0002321               Vertigo         vertigo
    HP:0003002               Breast carcinoma  breast cancer
    carenote:meningitis      Meningitis      meningitis, bacterial meningitis
    carenote:pneumonia       Pneumonia       pneumonia
    carenote:metformin       Metformin       metformin
    carenote:esophagitis     Esophagitis     esophagitis
    carenote:pediatric_ward  Pediatric ward  pediatric ward
    HP:0000001               All             (the HPO root: must never match)

Labs: ALT, ALP, potassium (also "K"), total bilirubin, INR, hemoglobin (also "Hb"),
WBC (also "white cell count"), sodium.
"""

from __future__ import annotations

from carenote.text import LexiconEntry

ENTRIES = (
    LexiconEntry("HP:0001945", "Fever", ("fever", "febrile", "pyrexia", "high temperature")),
    LexiconEntry("HP:0012735", "Cough", ("cough", "coughing")),
    LexiconEntry("HP:0100749", "Chest pain", ("chest pain", "chest tightness")),
    LexiconEntry("HP:0000988", "Skin rash", ("rash", "skin rash")),
    LexiconEntry("HP:0002013", "Vomiting", ("vomiting", "emesis", "throwing up")),
    LexiconEntry("HP:0002315", "Headache", ("headache", "head pain")),
    LexiconEntry("HP:0031179", "Neck stiffness", ("neck stiffness", "stiff neck")),
    LexiconEntry("HP:0001903", "Anemia", ("anemia",)),
    LexiconEntry("HP:0000969", "Edema", ("edema", "swelling of the ankles")),
    LexiconEntry("HP:0002014", "Diarrhea", ("diarrhea", "loose stools")),
    LexiconEntry("HP:0002094", "Dyspnea", ("shortness of breath", "breathlessness")),
    LexiconEntry("HP:0000822", "Hypertension", ("hypertension", "high blood pressure")),
    LexiconEntry("HP:0012531", "Pain", ("pain",)),
    LexiconEntry("HP:0002027", "Abdominal pain", ("abdominal pain", "stomach ache")),
    LexiconEntry("HP:0001250", "Seizure", ("seizure", "fit", "convulsion")),
    LexiconEntry("HP:0002321", "Vertigo", ("vertigo",)),
    LexiconEntry("HP:0003002", "Breast carcinoma", ("breast cancer",)),
    LexiconEntry("carenote:meningitis", "Meningitis", ("meningitis", "bacterial meningitis")),
    LexiconEntry("carenote:pneumonia", "Pneumonia", ("pneumonia",)),
    LexiconEntry("carenote:metformin", "Metformin", ("metformin",)),
    LexiconEntry("carenote:esophagitis", "Esophagitis", ("esophagitis",)),
    LexiconEntry("carenote:pediatric_ward", "Pediatric ward", ("pediatric ward",)),
    LexiconEntry("HP:0000001", "All", ()),
)
LAB_NAMES = {
    "LOINC:1742-6": ("ALT", "alanine aminotransferase"),
    "LOINC:6768-6": ("ALP", "alkaline phosphatase"),
    "LOINC:2823-3": ("potassium", "K"),
    "LOINC:1975-2": ("total bilirubin", "bilirubin"),
    "LOINC:6301-6": ("INR",),
    "LOINC:718-7": ("hemoglobin", "Hb"),
    "LOINC:6690-2": ("WBC", "white cell count"),
    "LOINC:2951-2": ("sodium",),
}
