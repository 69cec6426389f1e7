"""The thesaurus starts with the acronyms and synonyms common in occupational health; administrators
edit it in the admin (Recherche > Thésaurus)."""

from django.db import migrations

SYNONYMS = [
    "TMS, troubles musculo-squelettiques",
    "RPS, risques psychosociaux",
    "DUERP, DUER, document unique d’évaluation des risques professionnels, document unique",
    "EvRP, évaluation des risques professionnels",
    "PDP, prévention de la désinsertion professionnelle",
    "QVCT, qualité de vie et des conditions de travail, QVT, qualité de vie au travail",
    "SPSTI, service de prévention et de santé au travail interentreprises, service de santé au travail",
    "CMR, cancérogènes mutagènes reprotoxiques, agents cancérogènes",
    "IPRP, intervenant en prévention des risques professionnels",
    "AT-MP, accidents du travail et maladies professionnelles",
    "VIP, visite d’information et de prévention",
    "SIR, suivi individuel renforcé",
    "FDS, fiche de données de sécurité",
    "EPI, équipement de protection individuelle",
    "IDEST, infirmier en santé au travail, infirmière en santé au travail",
    "ASST, assistant en santé au travail, assistante en santé au travail",
    "CSE, comité social et économique",
    "CARSAT, caisse d’assurance retraite et de la santé au travail",
    "DMST, dossier médical en santé au travail",
    "FE, fiche d’entreprise",
    "télétravail, travail à distance",
    "MDT, médecin du travail",
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("portal_search", "Synonym")
    if not Synonym.objects.exists():
        Synonym.objects.bulk_create([Synonym(expressions=expressions) for expressions in SYNONYMS])


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_search_records")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
