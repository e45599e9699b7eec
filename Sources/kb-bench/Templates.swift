/// Sentence and headline templates for the synthetic corpus, written for the benchmark.
/// Placeholders in braces are filled by `ArticleWriter` (see there for the list).
enum Templates {
    static let headlines = [
        "{VNCAP} reçoit {FP}",
        "Le Vietnam et {C} renforcent leur coopération dans {DOM}",
        "Visite officielle {FPDE} au Vietnam",
        "{VNCAP} en visite officielle {CIN}",
        "Vietnam – {CNAME} : vers un nouveau cap pour {REL}",
        "Signature de {AGR} entre le Vietnam et {C}",
        "Les échanges commerciaux Vietnam – {CNAME} atteignent {AMT}",
        "{CAP} et Hanoï veulent approfondir leur coopération en matière {DOMDE}",
        "Entretien entre {VN} et {FP}",
        "Le Vietnam souhaite intensifier ses liens avec {C}",
        "Forum d’affaires Vietnam – {CNAME} {CIN}",
        "{YEARS} ans de relations diplomatiques entre le Vietnam et {C}",
        "Coopération en {DOMBARE} : le Vietnam et {C} signent {AGR}",
    ]

    static let openings = [
        "{VNCAP} a reçu {DATE} à {CITY} {FP}, en visite officielle au Vietnam {RANGE}.",
        "Dans le cadre de sa visite officielle {CIN} {RANGE}, {VN} s’est entretenu {DATE} à {CAP} avec {FP}.",
        "{FPCAP} a entamé {DATE} une visite officielle au Vietnam, à l’invitation {VNDE}.",
        "{VNCAP} et {FP} ont coprésidé {DATE} à {CAP} la {N}e session du comité intergouvernemental de coopération économique et commerciale.",
        "Un forum d’affaires réunissant plus de {N0} entreprises du Vietnam et {COF} s’est tenu {DATE} à {CITY}, en présence de {VN}.",
        "{VNCAP} a eu {DATE} un entretien téléphonique avec {FP} pour faire le point sur {REL} entre les deux pays.",
    ]

    static let body = [
        "Les deux parties se sont félicitées des progrès réalisés dans {REL} depuis l’établissement des relations diplomatiques il y a {YEARS} ans.",
        "{VNCAP} a souligné que le Vietnam accorde toujours une grande importance au développement de ses relations avec {C}, un partenaire important en {REGION}.",
        "Selon {FP}, {C} considère le Vietnam comme l’un de ses partenaires prioritaires et souhaite élargir la coopération dans {DOM} et {DOM2}.",
        "Les échanges commerciaux bilatéraux ont atteint {AMT} en {YEAR}, soit une hausse de {PCT} par rapport à l’année précédente.",
        "Les investissements {CADJP} au Vietnam totalisent {AMT} répartis sur {N0} projets, principalement dans {DOM} et {DOM2}.",
        "À cette occasion, les deux parties ont signé {AGR} ainsi que {AGR2}.",
        "Le dirigeant vietnamien a proposé aux deux pays de faciliter l’accès de leurs {PROD} et {PROD2} à leurs marchés respectifs.",
        "{VN2CAP} a pour sa part invité les {SECT} {CADJP} à investir davantage dans {DOM}, un secteur où le Vietnam dispose d’atouts importants.",
        "Les deux dirigeants sont convenus de se coordonner étroitement au sein des forums multilatéraux, notamment {ORG} et {ORG2}.",
        "{FPCAP} a exprimé sa gratitude pour l’accueil chaleureux réservé à sa délégation et a invité {VNNAME} à se rendre {CIN} à une date convenable.",
        "Le Vietnam est prêt à servir de passerelle pour aider les entreprises {CADJFP} à accéder au marché de l’ASEAN, a-t-il affirmé.",
        "La communauté vietnamienne {CIN}, qui compte environ {N0} personnes, contribue activement à l’amitié entre les deux peuples.",
        "Les deux parties ont également échangé leurs points de vue sur des questions régionales et internationales d’intérêt commun, dont la paix et la stabilité en mer Orientale.",
        "{VNCAP} a salué la contribution {FPDE} au renforcement de {REL} entre les deux pays.",
        "Le volume des échanges pourrait atteindre {AMT} d’ici {YEAR2}, selon les prévisions du ministère de l’Industrie et du Commerce.",
        "Plusieurs projets phares dans {DOM} ont été évoqués, dont une usine d’un montant de {AMT} à {CITY}.",
        "Le même jour, {VN2} s’est entretenu avec {FP2} sur les moyens de stimuler la coopération dans {DOM}.",
        "{FPCAP} a affirmé que son pays soutenait la position du Vietnam sur le règlement pacifique des différends, conformément au droit international.",
        "Les deux parties ont convenu de porter le commerce bilatéral à {AMT} dans les prochaines années, en exploitant pleinement les accords de libre-échange.",
        "Les ministères et les {SECT} des deux pays ont signé {N} documents de coopération, couvrant notamment {DOM}, {DOM2} et {DOM3}.",
        "Le président de la Chambre de commerce {CADJF} a indiqué que plus de {N0} entreprises {CADJFP} souhaitaient s’implanter au Vietnam.",
        "{VNCAP} a demandé aux ministères concernés de mettre en œuvre rapidement les engagements pris lors de la visite.",
        "Selon les statistiques douanières, le Vietnam a exporté pour {AMT} de {PROD} {CIN} au cours des {MONTHS} premiers mois de l’année.",
        "Il a également proposé d’ouvrir de nouvelles lignes aériennes directes entre {CITY} et {CAP} afin de favoriser le tourisme.",
        "La délégation {CADJF} s’est rendue {DATE} au parc technologique de {CITY}, où elle a visité plusieurs usines de {PROD}.",
        "Le Vietnam et {C} ont établi leurs relations diplomatiques en {MONTH} {OLDYEAR}.",
        "Au cours de la dernière décennie, le nombre d’étudiants vietnamiens {CIN} a été multiplié par {SMALL}, pour atteindre près de {N0}.",
        "{FPCAP} a félicité le Vietnam pour ses réalisations socio-économiques, avec une croissance du PIB de {PCT} l’an dernier.",
        "Les deux pays s’efforceront de conclure avant la fin de {YEAR2} {AGR}, a précisé le communiqué conjoint.",
        "La visite intervient alors que les deux pays célèbrent le {YEARS}e anniversaire de leurs relations diplomatiques.",
        "Les deux parties ont réaffirmé leur attachement au multilatéralisme et au respect de la Charte des Nations unies.",
        "Dans le domaine de {DOMBARE}, les deux pays entendent mettre en place un groupe de travail conjoint dès {MONTH} prochain.",
        "Une aide non remboursable de {AMT} sera accordée pour des projets {DOMDE} dans les provinces du Centre.",
        "{VN2CAP} a rappelé que {C} est actuellement le {N}e investisseur étranger au Vietnam, avec un capital enregistré de {AMT}.",
        "En marge de la visite, une exposition consacrée à {DOM} a été inaugurée {DATE} à {CITY}.",
        "Les entreprises {CADJFP} ont exprimé leur intérêt pour les projets d’énergie éolienne en mer et d’hydrogène vert.",
        "Le communiqué conjoint souligne la volonté commune de faire de {YEAR2} une année charnière pour {REL}.",
        "Selon l’ambassadeur du Vietnam {CIN}, {VN3NAME}, la visite ouvrira un nouveau chapitre dans les relations bilatérales.",
        "Des programmes d’échange de jeunes et de bourses d’études seront élargis, avec {N0} bourses par an.",
        "{FPCAP} a indiqué que son gouvernement encourageait les {SECT} à participer aux grands projets d’infrastructure du Vietnam.",
        "Les deux parties se sont engagées à lutter contre la criminalité transnationale et à renforcer la coopération en matière {DOMDE}.",
        "Les ventes de {PROD} vers {C} ont progressé de {PCT} sur un an, portées par la demande des distributeurs {CADJP}.",
        "La réunion s’est achevée par l’adoption d’un procès-verbal fixant les priorités de coopération jusqu’en {YEAR3}.",
        "Interrogé par la presse, {FPNAME} a qualifié les entretiens de « fructueux » et de « tournés vers l’avenir ».",
        "Le Vietnam et {C2} ont également tenu {DATE} des consultations politiques au niveau des vice-ministres des Affaires étrangères.",
        "Par ailleurs, {VN2} a reçu {DATE} une délégation {COF2} conduite par {FP3}.",
    ]

    static let closings = [
        "{VNCAP} a exprimé sa conviction que {REL} entre le Vietnam et {C} continuera de se développer dans l’intérêt des deux peuples.",
        "À l’issue des entretiens, les deux dirigeants ont assisté à la cérémonie de signature de {AGR}.",
        "La visite se poursuivra jusqu’au {DAYMONTH} avec des étapes à {CITY} et à {CITY2}.",
        "Les deux parties sont convenues de tenir la prochaine session du comité mixte {CIN} en {YEAR2}.",
    ]

    /// Headline and summary pairs of the trailing « Voir plus » block.
    static let moreHeadlines = [
        "{VN2CAP} reçoit une délégation {COF2}",
        "Le Vietnam et {C2} promeuvent la coopération dans {DOM}",
        "Les exportations de {PROD} vers {C2} en forte hausse",
        "{CAP2} accueille une semaine de la culture vietnamienne",
    ]
    static let moreSummaries = [
        "{VN2CAP} a reçu {DATE} à {CITY} {FP3}, en visite de travail au Vietnam.",
        "Les échanges entre le Vietnam et {C2} ont atteint {AMT} au premier semestre, en hausse de {PCT}.",
        "Une série d’activités culturelles est organisée {RANGE} pour marquer l’amitié entre les deux pays.",
    ]
    static let captions = [
        "{VN2CAP} (droite) et {FP3}. Photo : VNA",
        "Vue de la séance de travail. Photo : VNA",
        "{VN2CAP} s’exprime lors de la réunion. Photo: VNA",
    ]
}
