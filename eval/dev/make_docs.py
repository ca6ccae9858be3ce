#!/usr/bin/env python3
"""Copy BBC articles of the development set into a folder, for `kg eval`.

usage: python eval/dev/make_docs.py DEST [--set 1|2|...|22|all] [--source BBC_DIR] [--list]

The BBC text is copyright (see shared/bench/bbc-news/README.md), so it is not kept in
this repository: this script copies it at run time from the shared benchmark folder
(default: <workspace>/shared/bench/bbc-news/bbc, or $KG_BBC_DIR) into DEST, which must
lie outside the repository, e.g. /tmp/bbc-dev. The copies are named
`bbc-<category>-NNN.txt`, the names used as `doc` in the gold files.

--set picks the articles (default 1, so a command without --set copies set 1 as before):
  1    the 14 articles of eval/dev/bbc.gold.jsonl
         business: every 37th file starting at index 5 (0-based), first 10 picks
         tech:     every 71st file starting at index 3 (0-based), first 4 picks
  2    the 10 articles of eval/dev/bbc2.gold.jsonl
         business: every 43rd file starting at index 20 (0-based), first 7 picks
         tech:     every 59th file starting at index 30 (0-based), first 3 picks
         a pick that is already in set 1 is skipped (none was)
  3    the 10 articles of eval/dev/bbc3.gold.jsonl
         business: every 47th file starting at index 12 (0-based), first 7 picks
         tech:     every 53rd file starting at index 17 (0-based), first 3 picks
         a pick that is already in set 1 or set 2 is skipped (two were: business/108,
         business/154)
  4    the 10 articles of eval/dev/bbc4.gold.jsonl
         business: every 41st file starting at index 30 (0-based), first 5 picks
         tech:     every 37th file starting at index 8 (0-based), first 5 picks
         a pick that is already in set 1, 2 or 3 is skipped (business/154 is in set 1,
         and the next file, business/155, in set 3)
  5    the 10 articles of eval/dev/bbc5.gold.jsonl
         business: every 53rd file starting at index 40 (0-based), first 6 picks
         tech:     every 61st file starting at index 25 (0-based), first 4 picks
         a pick that is already in sets 1 to 4 is skipped (none was); business/041 and
         business/094 name no company and are replaced by business/042 and business/095
  6    the 10 articles of eval/dev/bbc6.gold.jsonl
         business: every 61st file starting at index 7 (0-based), first 6 picks
         tech:     every 67th file starting at index 50 (0-based), first 4 picks
         a pick that is already in sets 1 to 5 is skipped (business/191 is in set 1 and is
         replaced by business/192); business/008 and business/009 name no company, so
         business/008 is replaced by business/010
  7    the 10 articles of eval/dev/bbc7.gold.jsonl
         business: every 59th file starting at index 15 (0-based), first 6 picks
         tech:     every 43rd file starting at index 40 (0-based), first 4 picks
         a pick that is already in sets 1 to 6 is skipped (business/193 is in set 2 and is
         replaced by business/194; business/252 is in set 6 and business/253 in set 5, so
         business/252 is replaced by business/254); business/016 names no company and is
         replaced by business/017; business/075 and business/076 name no company, so
         business/075 is replaced by business/077
  8    the 10 articles of eval/dev/bbc8.gold.jsonl
         business: every 67th file starting at index 27 (0-based), first 6 picks
         tech:     every 47th file starting at index 13 (0-based), first 4 picks
         a pick that is already in sets 1 to 7 is skipped (business/095 is in set 5 and
         business/296 in set 3; replaced by business/096 and business/297)
  9    the 10 articles of eval/dev/bbc9.gold.jsonl
         business: every 79th file starting at index 3 (0-based), first 6 picks
         tech:     every 83rd file starting at index 5 (0-based), first 4 picks
         a pick that is already in sets 1 to 8 is skipped (business/162 is in set 8 and is
         replaced by business/163); business/320 names no company and is replaced by
         business/321
  10   the 10 articles of eval/dev/bbc10.gold.jsonl
         business: every 73rd file starting at index 45 (0-based), first 6 picks
         tech:     every 89th file starting at index 33 (0-based), first 4 picks
         a pick that is already in sets 1 to 9 is skipped (business/192 is in set 6, 193 in
         set 2, 194 in set 7 and 195 in set 4, so business/192 is replaced by business/196;
         business/265 is in set 1 and is replaced by business/266); tech/034 names no company
         and is replaced by tech/035
  11   the 10 articles of eval/dev/bbc11.gold.jsonl
         business: every 83rd file starting at index 9 (0-based), first 6 picks
         tech:     every 97th file starting at index 11 (0-based), first 4 picks
         a pick that is already in sets 1 to 10 is skipped (business/010 is in set 6 and is
         replaced by business/011; business/095 is in set 5 and business/096 in set 8);
         business/093 and business/094 name no company, so business/093 is replaced by
         business/097; business/259 names no company and is replaced by business/260;
         tech/303 names no company (a copy of set 1's skipped tech/075) and is replaced
         by tech/304
  12   the 10 articles of eval/dev/bbc12.gold.jsonl
         business: every 89th file starting at index 57 (0-based), first 5 picks
         tech:     every 79th file starting at index 61 (0-based), first 5 picks
         a pick that is already in sets 1 to 11 is skipped (business/147 is in set 5 and
         business/236 in set 2; replaced by business/148 and business/237); no pick names
         no company or repeats the body of an earlier set's article
  13   the 9 articles of eval/dev/bbc13.gold.jsonl
         business: every 91st file starting at index 14 (0-based), first 5 picks
         tech:     every 101st file starting at index 19 (0-based), up to 5 picks (the folder gives 4)
  14   the 9 articles of eval/dev/bbc14.gold.jsonl
         business: every 97th file starting at index 66 (0-based), first 5 picks
         tech:     every 103rd file starting at index 47 (0-based), up to 5 picks (the folder gives 4)
         business/067 names no company and is replaced by business/068
  15   the 8 articles of eval/dev/bbc15.gold.jsonl
         business: every 107th file starting at index 24 (0-based), first 4 picks
         tech:     every 109th file starting at index 29 (0-based), first 4 picks
  16   the 7 articles of eval/dev/bbc16.gold.jsonl
         business: every 109th file starting at index 78 (0-based), first 4 picks
         tech:     every 113th file starting at index 71 (0-based), first 3 picks
         business/079 names no company and is replaced by business/081 (080 is in set 1)
  17   the 7 articles of eval/dev/bbc17.gold.jsonl
         business: every 113th file starting at index 33 (0-based), first 4 picks
         tech:     every 127th file starting at index 57 (0-based), up to 4 picks (the folder gives 3)
  18   the 7 articles of eval/dev/bbc18.gold.jsonl
         business: every 127th file starting at index 88 (0-based), first 4 picks
         tech:     every 131st file starting at index 11 (0-based), up to 4 picks (the folder gives 3)
  19   the 7 articles of eval/dev/bbc19.gold.jsonl
         business: every 131st file starting at index 47 (0-based), first 4 picks
         tech:     every 137th file starting at index 83 (0-based), up to 4 picks (the folder gives 3)
         tech/084 is in set 7 and tech/358 in set 15; replaced by tech/085 and tech/359
  20   the 6 articles of eval/dev/bbc20.gold.jsonl
         business: every 137th file starting at index 101 (0-based), up to 4 picks (the folder gives 3)
         tech:     every 139th file starting at index 39 (0-based), up to 4 picks (the folder gives 3)
         business/239 is in set 15 and is replaced by business/240; tech/318 has the content of set 12's
         tech/062 and is replaced by tech/319
  21   the 7 articles of eval/dev/bbc21.gold.jsonl
         business: every 139th file starting at index 19 (0-based), first 4 picks
         tech:     every 149th file starting at index 67 (0-based), up to 4 picks (the folder gives 3)
         business/159 names no company and is replaced by business/160
  22   the 6 articles of eval/dev/bbc22.gold.jsonl
         business: every 149th file starting at index 113 (0-based), up to 4 picks (the folder gives 3)
         tech:     every 151st file starting at index 23 (0-based), up to 4 picks (the folder gives 3)
         business/412 and business/413 name no company, business/414 is in set 12: replaced by business/415
  all  all sets, 197 articles
In every set a pick that names no company is replaced by the next file in sorted order, and
so is a pick whose content is byte-identical to an article of an earlier set (none was).
Each selection is recomputed from the sorted file names and checked against its fixed
list below (and every file against its SHA-256), so a changed corpus is noticed.
--list prints the selection of the chosen set and exits.
"""
import hashlib
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]                      # .../main
DEFAULT_SOURCE = REPO.parent / "shared" / "bench" / "bbc-news" / "bbc"

RULES_1 = {"business": (5, 37, 10), "tech": (3, 71, 4)}   # start index, step, picks
# set 1 (eval/dev/bbc.gold.jsonl). Picks that name no company, replaced by the next file
# (decided by reading them)
SKIPPED_1 = {("tech", "075.txt"): "no company named (FBI, Department of Justice, a P2P network)"}

CHOSEN_1 = {  # (category, file): sha256 of the source file
    ("business", "006.txt"): "24da8408e025c0fa3f83bc597ea526b2e987d33bee5d18273ca1794b53506e21",
    ("business", "043.txt"): "05e5b84e867fda55272dbddd26862336a74e39e4c84f944df16f298840785742",
    ("business", "080.txt"): "98e6a593ca2c35c4964cd66a2cdd8c9532d7f0e65e521e7271ae6bc4e3b80aa1",
    ("business", "117.txt"): "e8c39a09e0c55e4b76f26b5dcd46708ec0a8b97a407bfb62118a0750c13c4390",
    ("business", "154.txt"): "3ef278c59d94f5f1e89dc4884952e2eced62dffcc022cb6b897e9bb4da27beb9",
    ("business", "191.txt"): "7a864126961397a2ea181099fcfa77d19997c55c3f04e42af178694a010c46e0",
    ("business", "228.txt"): "7555b925f8bcd42410fd93bb87cc66fb722bbcce41f7453b9ea069bb20294b2c",
    ("business", "265.txt"): "f517b8fc81b579f85aa8b3643a0c11f5c955ea8087c4b262999a5bb44fde5eef",
    ("business", "302.txt"): "93d06fff28115de81fea1b3c573a44139e6989074dea001f12c99814451ad143",
    ("business", "339.txt"): "903dc6bc6735bb8604233e4e763fbd651ef2b90c86d8239192f656a115c988aa",
    ("tech", "004.txt"): "7a3c84e5b8796fe268beef38c328baec366862e26388da314f5dd2a149f9034d",
    ("tech", "076.txt"): "82a69128717ede5799da5c488cb742cf2f17974488a3ff7e735d9cb503442ade",
    ("tech", "146.txt"): "b594f508bc4b3459d5b1514a73d9afe530cd27a42f9a6ae7555c9d7ab16f64ca",
    ("tech", "217.txt"): "3e1453a0eecef27d33c2d3190e5e122d53536678d7de82dc76e7355c652e335f",
}

# set 2 (eval/dev/bbc2.gold.jsonl), fixed before reading like set 1
RULES_2 = {"business": (20, 43, 7), "tech": (30, 59, 3)}   # start index, step, picks
SKIPPED_2 = {("business", "107.txt"): "no company named (IMF, Central Bank of Liberia, "
                                      "transition government: international and state bodies)"}

CHOSEN_2 = {  # (category, file): sha256 of the source file
    ("business", "021.txt"): "060595adf8d6ce6af08155f5984c8d52e55a030e0f30a1c5a3e06e270b4bde25",
    ("business", "064.txt"): "aaec4dee557c9512941e27d6f82baef5676a9ca8699267e273914e9cf82e4fd4",
    ("business", "108.txt"): "73ae62dcd4c627baeaf585b36373da136ec2183c4f7fb979ecf80f1e8972576b",
    ("business", "150.txt"): "077821bb84ed05320890f3f6b9c96223c034b4e6b0f859655e0d78ffe5dcd184",
    ("business", "193.txt"): "106da33b4e3b442f4bee3df97babc024c0a7c2306bd787a61174db231ea1c27b",
    ("business", "236.txt"): "ee50ea4bc48b63ab7b6091c0bb09923399c27e82fc16d8c98795887d507bf888",
    ("business", "279.txt"): "ba14717ae4ad4b249eccc87f4d24ff2c6f4a80a3980a323d773beda91f98ca5c",
    ("tech", "031.txt"): "6739a1f96686e596c9a86c47b10e72f30d1f88847632f3325a00d22a1ae98293",
    ("tech", "090.txt"): "8152d4abfef7e24f1f2d774ec342608423b4ed601be321c3ed315ea80a19be40",
    ("tech", "149.txt"): "de9b7b34423fba5dfb474d235b47618a2e771ea055ea384d7410f34a89b880bd",
}

# set 3 (eval/dev/bbc3.gold.jsonl), fixed before reading like sets 1 and 2
RULES_3 = {"business": (12, 47, 7), "tech": (17, 53, 3)}   # start index, step, picks
SKIPPED_3 = {("business", "107.txt"): "no company named (IMF, Central Bank of Liberia, "
                                      "transition government: international and state bodies)",
             ("business", "295.txt"): "no company named (the Bank of Japan's Tankan survey and "
                                      "the economy minister: a central bank and a government)"}

CHOSEN_3 = {  # (category, file): sha256 of the source file
    ("business", "013.txt"): "d6ca9d7ebf7e37a1fc4369f8858152622a565e78cd550f742ef02508f5aeb7e5",
    ("business", "060.txt"): "88a93832d27efa29d519c4772df3c1f7645f8fc51e2b6ac9f4e0cfa9b4e2ddb8",
    ("business", "109.txt"): "b94436da80bb7b11316f07841e80dc7cd643f30ff47ac6e5cfc453fbbacf7ba6",
    ("business", "155.txt"): "549182e0ab610fc221bf20c27906e4553e30f2971e272780b02c1a33edb4464a",
    ("business", "201.txt"): "0dee2ef067c6543c4985523228a489582817769c69bd7f88585c8731593970e3",
    ("business", "248.txt"): "9f8f57d77532609808028ba1fc00fd8552b1c1cb60285598229461e5f61587b7",
    ("business", "296.txt"): "f8813d83b523855fe5b4f07b30a824a09ee0045d5a925c461c8649fd8c8e4349",
    ("tech", "018.txt"): "0dad261c17f5c3bbe6eaf0391e17840b5983433ca1f1daca1225d1af9c3307e0",
    ("tech", "071.txt"): "3dc6b022e908a927c4b1ac44f9317918d5945f80990d839efba342cbe62deea5",
    ("tech", "124.txt"): "c866f83391fea36580e6f7c042590ae77f1f4617773ff442c503556d53a605c9",
}

# set 4 (eval/dev/bbc4.gold.jsonl), fixed before reading like sets 1 to 3
RULES_4 = {"business": (30, 41, 5), "tech": (8, 37, 5)}    # start index, step, picks
SKIPPED_4 = {("business", "156.txt"): "no company named (Japan's industrial output: the Bank of "
                                      "Japan, a central bank, and the Nikkei 225, an index)",
             ("tech", "120.txt"): "no company named (Shadowcrew.com, Carderplanet, Darkprofits: "
                                  "criminal websites; US Secret Service, NHTCU: agencies)"}

CHOSEN_4 = {  # (category, file): sha256 of the source file
    ("business", "031.txt"): "7165830d223bf541f9a596f02ac67fc127f402bc78d8a7ecbf1dbc22a6ac1f60",
    ("business", "072.txt"): "5be95977d6ff6b4e1be31ca1a034e7e6602af70ce89cfe8b7baf309118e49472",
    ("business", "113.txt"): "455adb6b45c94ca2457b7d62fc1ebe17edc10fc78f09bbc95de5f71dcd982f26",
    ("business", "157.txt"): "d10ba03c79801984703534c7c61284c16ad4eadd9b038f0d4087000f03afb8a1",
    ("business", "195.txt"): "a980febab3bf48bee5959b325c5b058ceff9ed94139294adac0174f8d8e01096",
    ("tech", "009.txt"): "ab1be9c0fb48624ace0b424243ce21324f9f8b2cb7f29aefa496200e33d2d42e",
    ("tech", "046.txt"): "64c55f7ae5e78f6e8ffa3a41e57b431d5a8129c18b19c482a2ad9f9751dfb6f3",
    ("tech", "083.txt"): "0292dd599311c5549a51b862d7696748956dd43a00d49b4d557eed488c927696",
    ("tech", "121.txt"): "608508e7861ddc2540232b2ffa5460352eb8a492d1b7bb3a9bdddf4b5a871775",
    ("tech", "157.txt"): "99f8cdcd39bd11cd645f4439dd7254a30471f29dabbae4b1eb2eaf63f9a0bcb2",
}

# set 5 (eval/dev/bbc5.gold.jsonl), fixed before reading like sets 1 to 4
RULES_5 = {"business": (40, 53, 6), "tech": (25, 61, 4)}   # start index, step, picks
SKIPPED_5 = {("business", "041.txt"): "no company named (Alan Greenspan on the US deficit: the "
                                      "Federal Reserve, a central bank, and Congress)",
             ("business", "094.txt"): "no company named (US GDP growth: the Commerce Department, "
                                      "a government body, and unnamed economists)"}

CHOSEN_5 = {  # (category, file): sha256 of the source file
    ("business", "042.txt"): "c2c21f1947b021697ea072378c6b49c3546018e0c43c609d59d4106b59b1c6b4",
    ("business", "095.txt"): "350cf5f4203f8f424ac812c5fb40768c951a593dbe58cddba3aeafff87d096c5",
    ("business", "147.txt"): "1f06465229fa5bf7cf866cebb3a768c7b8901b31c4359d1d852ec806658b8ba9",
    ("business", "200.txt"): "b629e2cce85c77433dfe261d5705c23daed95bd9e333ffd8e33840d4c71fceea",
    ("business", "253.txt"): "bbe24ace9266d9d8bd6b9875af2b31dd6e6359db9984fa63f77b459d8cc97e5c",
    ("business", "306.txt"): "c400b5a7afd029220422de1e9cb239bc74dffbf9419edf6836966335bc5550db",
    ("tech", "026.txt"): "73974de83bc25097915d62f345750116e2cea7db02070ea35180138ced6e6cb4",
    ("tech", "087.txt"): "b2264ccf0e9319683c1d2096b5b810b02489387725b50363736fb3cd419f7126",
    ("tech", "148.txt"): "d7bc4e54a3a25cdbc9c14933ce7672740a052ca0a9d0c99de542063e74889439",
    ("tech", "209.txt"): "91cb4dc50c1c36d6899a76d2deeb638294e3bbb72183b1c26d965ac01cbe86e2",
}

# set 6 (eval/dev/bbc6.gold.jsonl), fixed before reading like sets 1 to 5
RULES_6 = {"business": (7, 61, 6), "tech": (50, 67, 4)}    # start index, step, picks
SKIPPED_6 = {("business", "008.txt"): "no company named (India's finance minister on G7 trade "
                                      "rules: the G7, G20, UN, World Bank and IMF, governments "
                                      "and international bodies)",
             ("business", "009.txt"): "no company named (Ethiopia's crop production: the FAO and "
                                      "the World Food Programme, international bodies)"}

CHOSEN_6 = {  # (category, file): sha256 of the source file
    ("business", "010.txt"): "580af18435f383a4f212b3d3a46ec9378e127638c525e0ee3e90b942178d23a9",
    ("business", "069.txt"): "a7b851c4e5db8c15ff4c11137a4bf7d1d5b95439ca8953db2d929bb978f63620",
    ("business", "130.txt"): "7a0f8aae7f4a54d2e5bfac5ef6f9b98ee354b2af9e7f3c4bd7f919452dcf2720",
    ("business", "192.txt"): "87000c73708bd5fc7f63fdc24536b981194a6716026dd36b5b5dcee69511d394",
    ("business", "252.txt"): "b7a97d41861b1c5f14fd39c6bd6b760bf4c5eb513b6fc5b24272780304a04795",
    ("business", "313.txt"): "ad12b65abcb848e5213f90dcf49a30f84954c46643011b58b68c202f6284fb7d",
    ("tech", "051.txt"): "be0e8737d5f15bff9f8ec190d5c727a61e7f64db78186c5a31c4dfda6c7fade6",
    ("tech", "118.txt"): "5bdd7e7b18ed4929b75db2a727309ff07ec5093cde54353ed9be17e1bb6d027b",
    ("tech", "185.txt"): "fd74f0ed8c5527666826302372b177f79c706e128b2b526fc78a2fbf9cfefc5d",
    ("tech", "252.txt"): "e54f74bb15d5e4a0315596da4094f2c879ff8a3fb8a2e940800a9e65db692060",
}

# set 7 (eval/dev/bbc7.gold.jsonl), fixed before reading like sets 1 to 6
RULES_7 = {"business": (15, 59, 6), "tech": (40, 43, 4)}    # start index, step, picks
SKIPPED_7 = {("business", "016.txt"): "no company named (China's credit curbs: the government and "
                                      "unnamed state media)",
             ("business", "075.txt"): "no company named (EU jet fuel tax: EU ministers, France and "
                                      "Germany, meetings of the G7 and the World Economic Forum; "
                                      "airlines unnamed)",
             ("business", "076.txt"): "no company named (the Palestinian economy: a World Bank "
                                      "report and the Palestinian Authority)"}

CHOSEN_7 = {  # (category, file): sha256 of the source file
    ("business", "017.txt"): "f1158e04cda6b7a4ae49b3b27952766e2b6602faa243c5e28f450bbe2a301428",
    ("business", "077.txt"): "5aa64150a80ed7eeb5a9d0b1fe086a332439bf4998fb1c1a33cdf0ccf93151eb",
    ("business", "134.txt"): "5144f805344b5616bd2e9b1e192f4fadf5d80bedbf53e38e214a2218e2c5d10d",
    ("business", "194.txt"): "cf79e180c7ff707688c68403ae4e6283ffaa0a435f28395406afaf663ec487b7",
    ("business", "254.txt"): "cc0b54c46a412e0b8c07b698b76ba261ef16f688ea0acc9f30fd670ce6cf330d",
    ("business", "311.txt"): "59cdc73c7353e176fea7a5fbf051efe932f09279e0ff35ee8bf7b87e706aa287",
    ("tech", "041.txt"): "4e621572a2d3e60f7897be73b2f895c577590e0393ae20454e088411318a1336",
    ("tech", "084.txt"): "6d0f1d53372c1ffa51e34feec098a9230ba1d47820395f18b4aa331171583c37",
    ("tech", "127.txt"): "1420641ce9375f87421df94fb1a69281ffe03efb8a223c5f50dd7d89b87afee0",
    ("tech", "170.txt"): "57358de70b8949322452251150fd5a66f282f7f1f3659eccc48137d9b0ec13e9",
}

# set 8 (eval/dev/bbc8.gold.jsonl), fixed before reading like sets 1 to 7
RULES_8 = {"business": (27, 67, 6), "tech": (13, 47, 4)}    # start index, step, picks
SKIPPED_8 = {}

CHOSEN_8 = {  # (category, file): sha256 of the source file
    ("business", "028.txt"): "b1ea3cf783ac462fbabb047c8140be2a75a0976aebd9d32a0195bc03b6bd9610",
    ("business", "096.txt"): "64ddadd9d4e0f3a7edd1da210616626f461525926377ba89c58355b3f741fe8e",
    ("business", "162.txt"): "9301209e53a73c7ae4efb172eeef585d0a3ed64032df609d1eb351a118d5ebcf",
    ("business", "229.txt"): "832035cd0d3b9657744cb57e7e29bf5dcb6896494671fa297605d2352b0de2ef",
    ("business", "297.txt"): "49eea50682894153111f001365ed18b9d2bcbb8cbe3ed3bded217e64d1bf21b8",
    ("business", "363.txt"): "0d4cdd3e635ea5f0f05c7a5664f5d57d6c315a4f3b9926e8fe281afc782fd399",
    ("tech", "014.txt"): "8aedfce3d4d2d8239705d1d5678b89d17cf3af2a2dc9a59beba47f930e167b3e",
    ("tech", "061.txt"): "041bbfd161ed4923ef008323f6f0293743e97a69f9471794811311e731794b87",
    ("tech", "108.txt"): "fdd0ee84a2ed0c73badc6a35c521be8af785d377763a1e69401efe96a3ca37f5",
    ("tech", "155.txt"): "21dc48575527d5605d4b56ef7c97e2b0fcc30ddaa16101dbc3b40eb0d9911fc6",
}

# set 9 (eval/dev/bbc9.gold.jsonl), fixed before reading like sets 1 to 8
RULES_9 = {"business": (3, 79, 6), "tech": (5, 83, 4)}    # start index, step, picks
SKIPPED_9 = {("business", "320.txt"): "no company named (WTO membership talks for Iraq and Afghanistan: "
                                      "the WTO, the Paris Club, the UN and the EU, international "
                                      "bodies, and governments)"}

CHOSEN_9 = {  # (category, file): sha256 of the source file
    ("business", "004.txt"): "f839bd35bcc968632b75abf5b19e7f385044957aaaefc448e1e7769a1f9da47c",
    ("business", "083.txt"): "7febd3fec43d9d32ab1fc95eb7904dc6049e749146ecc4866876b8282b241122",
    ("business", "163.txt"): "df871f96693e00b19112e7b5a483680f889d0dfb71cca935b16906dfd3711030",
    ("business", "241.txt"): "5c0f86e44e8888b55fdc45c3b3cab092fb8789fccc45252f76ec43e917fddad5",
    ("business", "321.txt"): "4acb2e34d18e84f6cfa44e0d7b61196153ad669775b58d046822c8156aa19183",
    ("business", "399.txt"): "4d1ae614f42560e8442e3ffaeba8179fe251f616800cd17a4eb6371d30e1d169",
    ("tech", "006.txt"): "fd96769b0677ff2bbe862ab653dddafabe79dc6b51bf94f1e4c4a0d194fea23e",
    ("tech", "089.txt"): "635d862c5bd5a813ae8b39c4f07ec26454951b64eddf16bda0cb655aa33f8043",
    ("tech", "172.txt"): "63cbbb398ee526988426224f5537af7d0e4fcece1ee85816607d26f13bf8e342",
    ("tech", "255.txt"): "aa97042644a298e8335304bcfca0826d07c2dcdc9c53dba1f40db152ffc71aa9",
}

# set 10 (eval/dev/bbc10.gold.jsonl), fixed before reading like sets 1 to 9
RULES_10 = {"business": (45, 73, 6), "tech": (33, 89, 4)}    # start index, step, picks
SKIPPED_10 = {("tech", "034.txt"): "no company named (the UK government's IT Safe alert service: the "
                                   "Home Office, the NISCC and the Dutch and US alerting services, "
                                   "government bodies; security firms unnamed)"}

CHOSEN_10 = {  # (category, file): sha256 of the source file
    ("business", "046.txt"): "8c4a4451b2fa8cd2d4cde744a246b6a459b75e2e9484fed9063a9998f5d1ddad",
    ("business", "119.txt"): "569221b2dc45beaaa7a1225aff841c3aff892d084b44a04206fa5d7105c7d4c0",
    ("business", "196.txt"): "a0ce21975983e7812cbb8e9acf766de0805c9a78b99cf3fb384f98aa1fd481a5",
    ("business", "266.txt"): "786c6bb01940639f8e8c26fba24830faf49af94f7563efab7a50376a762eaaac",
    ("business", "338.txt"): "01a795eb3fbc285d3f18494beec928970af2f658ee99b0972e29b6a4efffa516",
    ("business", "411.txt"): "795edba08046ab039a9bc673cc248973b270974ab2965fce3908a1f51ab3d29a",
    ("tech", "035.txt"): "8d71086647b505e4d1950544749d090d0e193e6be55361c2b4a281f16e434ec5",
    ("tech", "123.txt"): "45605d5b66b7d5eeb15953a4aa6b9e98e77575a70e625f1c050e151794390586",
    ("tech", "212.txt"): "c6cbdc9025bfa401de7500f2fe304547ff528a4b1eb3f47cf178801967be611b",
    ("tech", "301.txt"): "69ad06fe8688d5f73fadc010097ce56cafb0d57ce130fb97450aae37cb91f3ca",
}

# set 11 (eval/dev/bbc11.gold.jsonl), fixed before reading like sets 1 to 10
RULES_11 = {"business": (9, 83, 6), "tech": (11, 97, 4)}    # start index, step, picks
SKIPPED_11 = {("business", "093.txt"): "no company named (Argentina's debt swap: the government, its "
                                       "economy minister and President, unnamed bondholders and analysts)",
              ("business", "094.txt"): "no company named (US GDP growth: the Commerce Department, "
                                       "a government body, and unnamed economists; as in set 5)",
              ("business", "259.txt"): "no company named (Latin America's growth: the UN's ECLAC and "
                                       "the Inter-American Development Bank, intergovernmental bodies)",
              ("tech", "303.txt"): "no company named (P2P piracy convictions: FBI, Department of "
                                   "Justice, the Direct Connect network; byte-identical to set 1's "
                                   "skipped tech/075)"}

CHOSEN_11 = {  # (category, file): sha256 of the source file
    ("business", "011.txt"): "d98345c9f02b7e36587f7256eeceb3df008fa6fc47631afc05570398a98eb972",
    ("business", "097.txt"): "2e3d6f1072292621c88c6bc248ee85e77e3a4405f66fcfbc9fa36e2a405d174f",
    ("business", "176.txt"): "6de33af385a6c86a080f8d3a03760aa9f2b1dd5b35d121e5d53b8a3d4a882dd3",
    ("business", "260.txt"): "f60bd9c9dba05e960af22d255eda9a677f5cb30b2608dafd6e30ce3d42435fbe",
    ("business", "342.txt"): "087c0fc0917ad45cbb936ca4f096e3fdad9fee595a78f2057a2cb76312b78218",
    ("business", "425.txt"): "c69c18f90d75a9010de6938bbde9ecc2792c1bc1a558059cf71b1b1218fabe4e",
    ("tech", "012.txt"): "d753192801dc3e99b36a9545b873d3b894173835ac56f2712960c5c373465312",
    ("tech", "109.txt"): "bd6ea0b3ee0febe727e06fbf46a0cd58c06822471ac10f8995bb007271f34f08",
    ("tech", "206.txt"): "e8d5d28331f766cbd830e30fbbccc7c2594cca7b71e272c8fc3924501980f4b2",
    ("tech", "304.txt"): "b1e56135033d96d87dab29b46680091258b77d6821149959dd2e769bbf36fc26",
}

# set 12 (eval/dev/bbc12.gold.jsonl), fixed before reading like sets 1 to 11
RULES_12 = {"business": (57, 89, 5), "tech": (61, 79, 5)}    # start index, step, picks
SKIPPED_12 = {}

CHOSEN_12 = {  # (category, file): sha256 of the source file
    ("business", "058.txt"): "46d14b80986174d03df6bd54e64f0b251e980b3d9ebc5eebb437fa520b6f9621",
    ("business", "148.txt"): "f3d63896a4b563688763f82facfcfc27d45073a4ae3823b404a5fd775217479d",
    ("business", "237.txt"): "3772f8b8c37f057710d09eb580ec529591df6a0e8c38193da1738e76880b71ce",
    ("business", "325.txt"): "51c9908f5a3f4f6c939818a983e48bff19aeab81f4ce419f3a977ee5d0c3d955",
    ("business", "414.txt"): "d439d66f1506a242d38c2a13788d8c16e525912c9755638c164082f4993a4bf1",
    ("tech", "062.txt"): "4cfdec182a70f7518362000efebb9705dfc04da4a409a5e3f89e78f26f5e1073",
    ("tech", "141.txt"): "b3f92d0c699be0998c93e8946cf37359d45ac580c688d6746ff338276f7c7500",
    ("tech", "220.txt"): "557d3a8aea965d471e7a5c2840ee6470e57838ff6d328f763077d65f33127954",
    ("tech", "299.txt"): "f0d3c4411673197a3c9069faddce5350cf72d78c8c87a112a8a16be1aafb83a2",
    ("tech", "378.txt"): "fb741b8c3a6625861c877a824d547c8753fb5a317dbaf6ca04571d2b3d5d4931",
}

# set 13 (eval/dev/bbc13.gold.jsonl), fixed before reading like sets 1 to 12
RULES_13 = {"business": (14, 91, 5), "tech": (19, 101, 5)}    # start index, step, picks
SKIPPED_13 = {}

CHOSEN_13 = {  # (category, file): sha256 of the source file
    ("business", "015.txt"): "afc010cf0b98fbd6ff69ff0591099e95dee78641dc84d9376c04eb965d1cab1d",
    ("business", "106.txt"): "05e3b71aad3372d709c8415722058d1e603ed55691f7870115d15a4cd5ce3d3f",
    ("business", "197.txt"): "1111970e07ed8d532d5c98c2ea05f50250f8f3d2b6ace0a0e09957f35f9ab4d5",
    ("business", "288.txt"): "2043dbfcfe67b0dd8e6b70c6b9a3a0f73d41500bfcbeb205d3f61704c5696104",
    ("business", "379.txt"): "e2671e61867accff3a3a9f444feebc7bb887e348b6b5697791afd4b8b4af631d",
    ("tech", "020.txt"): "557f3e903284208041ed57f90f8f4c29d03dde52b215ca859292b138e536b7c2",
    ("tech", "122.txt"): "deeb9a9b2a58680d4b7164117a2c01fd9b9e835bcf4ba3f3342038d127d23220",
    ("tech", "222.txt"): "47835b439d5fd68fc594b70a38ea74ede0983ee79c20e83c151c48c1d86c6495",
    ("tech", "324.txt"): "a1afc32855addd21b491e029f66d282aa28ebc4bd28e324fbd7f03b2181fcc00",
}

# set 14 (eval/dev/bbc14.gold.jsonl), fixed before reading like sets 1 to 13
RULES_14 = {"business": (66, 97, 5), "tech": (47, 103, 5)}    # start index, step, picks
SKIPPED_14 = {("business", "067.txt"): "no company named (the FAO's report on farm subsidies: the FAO, "
                                       "the WTO and the European Union, international bodies)"}

CHOSEN_14 = {  # (category, file): sha256 of the source file
    ("business", "068.txt"): "2e6954c6fd4ccc1747897334e6b67795c51ca1582ae0415806722b440d9dde2a",
    ("business", "164.txt"): "5269b1c4adaa4e506b4126db3ef271c0357348b86eeb478a76819ef1c192a6b7",
    ("business", "261.txt"): "cc5aba11a75d1247db31a3d68da57e2c65bbcf43982c87d7068df0706281d70c",
    ("business", "358.txt"): "101b8dc7cd24da0712f35fb3d0764cd429f26c1fead67c931b4eea2cc8281504",
    ("business", "455.txt"): "cf69873ad21cfc83a76c428d7802a16bebcdcde28e671842f0c9932ea6a70fe1",
    ("tech", "048.txt"): "a6e7b8c53fa82630304a3e4e7cf4ea9901bc58108f052228df3b2c2497a3cddd",
    ("tech", "151.txt"): "fb42b07bb10ab350db69e38bc57b76575f3d6ff0e49458790a3be5cf2f7ac7d1",
    ("tech", "254.txt"): "4f3b809b0713dad2b3a386ce90889d2ab93e575df5372bdc56d675aef917ffc1",
    ("tech", "357.txt"): "e627c80f89b052a741cc00e960a8cf0cfd6cca89720850e8f5cc856743a5ba8a",
}

# set 15 (eval/dev/bbc15.gold.jsonl), fixed before reading like sets 1 to 14
RULES_15 = {"business": (24, 107, 4), "tech": (29, 109, 4)}    # start index, step, picks
SKIPPED_15 = {}

CHOSEN_15 = {  # (category, file): sha256 of the source file
    ("business", "025.txt"): "05de1982c6668e49b1c2976dc3afdb0b48f23850630e15b5341df53128325182",
    ("business", "132.txt"): "2529e1a391a5364617cb497b62ac057f1862afcca6c49a62217c0b9686c0da76",
    ("business", "239.txt"): "9d1901b7c80e8e6cbbf288dc3ac90cc445d46b741c894aee024a2a5de1440148",
    ("business", "346.txt"): "22fe804c416d1eb0c41cc5a131d464191e19f0f7095ea4f6fb884341a6fadff4",
    ("tech", "030.txt"): "3c503a1f9e3c43524016559483eda842861d58d958e87b6983c74e6ab31ee6b5",
    ("tech", "139.txt"): "6e2d0e5c0b7c651757bc19116ea3d8670d346fb771cb09452e91da5c589167db",
    ("tech", "248.txt"): "7b1cac0266a5265eb31b2d4a34c64291ca4c7eb83fcc6a1a343a2bae37f682b7",
    ("tech", "358.txt"): "663844749b88fab12d971aba50b0316721ff1017d926626bb38c1d10fde4b025",
}

# set 16 (eval/dev/bbc16.gold.jsonl), fixed before reading like sets 1 to 15
RULES_16 = {"business": (78, 109, 4), "tech": (71, 113, 3)}    # start index, step, picks
SKIPPED_16 = {("business", "079.txt"): "no company named (US identity theft figures: the Federal Trade "
                                       "Commission, a regulator, and consumers)"}

CHOSEN_16 = {  # (category, file): sha256 of the source file
    ("business", "081.txt"): "d6f68547425e793119c44c940ad71c259668e2dff0f3496a833d4620f27e5002",
    ("business", "188.txt"): "f48ab595aa7b49a9ac925f20a92101d3fdb24709ce52e9fcda2b9db4f327dea4",
    ("business", "298.txt"): "261532350106d25ccd042221c70e392993e15f60d3503dbdf12028daa87d2020",
    ("business", "406.txt"): "65282058672e1cebf18ca8fc81918cf70eefbbde3db5ea2cdf3ef5368f52969a",
    ("tech", "072.txt"): "89f4cde320ec7fa4e81dcab821a16e7faabcb4d314f5c93275f39385c9e86702",
    ("tech", "186.txt"): "01ce844a301b553deb9cd767138852283022d2b699615e3293411050b304e94f",
    ("tech", "298.txt"): "08b586819ada5c408dc0745b8b14dbd21b993d7e6fd9bc0a395a1b3beb23181a",
}

# set 17 (eval/dev/bbc17.gold.jsonl), fixed before reading like sets 1 to 16
RULES_17 = {"business": (33, 113, 4), "tech": (57, 127, 4)}    # start index, step, picks
SKIPPED_17 = {}

CHOSEN_17 = {  # (category, file): sha256 of the source file
    ("business", "034.txt"): "2bf24274b86233e6ce40b4cb9b3eb6d8dc13eca24017417235631d1d833fc6d5",
    ("business", "149.txt"): "54e70bf05c8411b0ab6bb84e52946e8a55763f21c1be2e0044e210db7fd5235d",
    ("business", "262.txt"): "e0b4a7caaa5120d4464795686e1862e1308f8a5c26fd045b434c9f07f770b3ea",
    ("business", "373.txt"): "0c46a8dc8d62a721f678b66023324670f51d9c42f3ee4f53a882b643676742db",
    ("tech", "058.txt"): "3066a3a6835ac5caae19e5f870667b8cbdadd607b07056020edffa316641d69f",
    ("tech", "187.txt"): "5eb3523b3734f373fba38a8cf500e8728ed4c5e141015436a5acdbcbb52a4bbb",
    ("tech", "313.txt"): "0af90d4911cc199aeeedbe21d8b1011197838ef81ba4962db8d38de80cccae99",
}

# set 18 (eval/dev/bbc18.gold.jsonl), fixed before reading like sets 1 to 17
RULES_18 = {"business": (88, 127, 4), "tech": (11, 131, 4)}    # start index, step, picks
SKIPPED_18 = {}

CHOSEN_18 = {  # (category, file): sha256 of the source file
    ("business", "089.txt"): "738f715f366a389ac919bdc202b47e8948d51c14c18d0f65d89e9628aa01d736",
    ("business", "216.txt"): "6034c973464000d40b4b0b3a7b75060eb3a8362197bda0b7bb41f733d5fd4715",
    ("business", "343.txt"): "1f9ff12b6292d2c346cd9db116bc01628c74a11376f78a95201f496446768794",
    ("business", "470.txt"): "92b35310b49ac86a40cd9c75b3247718dda2a7f3bde146f0745a61a6ed011cd5",
    ("tech", "013.txt"): "5bb6274db2ddc3d70a276c027d56a59d31e990c04f9d943529b52cf156a4096e",
    ("tech", "143.txt"): "b11dd685303f927eef01d71550c035271fba24a49b1c6133971a76e42d78cad5",
    ("tech", "274.txt"): "c096f2af163c3f04fc66333beef1f6fba1af8c90719a80fc4c947eef4308f2cf",
}

# set 19 (eval/dev/bbc19.gold.jsonl), fixed before reading like sets 1 to 18
RULES_19 = {"business": (47, 131, 4), "tech": (83, 137, 4)}    # start index, step, picks
SKIPPED_19 = {}

CHOSEN_19 = {  # (category, file): sha256 of the source file
    ("business", "048.txt"): "36ec6eee97042275ed87026fb0ef5e150787d724840fc5ef61ded645f514b65c",
    ("business", "179.txt"): "9151cb061678375dcbaf92ac9739d5c2197f234a7abba7daeb29d89dae9aa9b8",
    ("business", "310.txt"): "b8ce84a2e5f32e8a9472fec2fd16ebdda778b68c9d229c341b7097e64b20e4ce",
    ("business", "441.txt"): "43d5a5749325fe51e26214b4efc0b67e7c13cd42ece651e8bab321b57b248be3",
    ("tech", "085.txt"): "aeec2311b1a8a8f6ba5b416901ccb508a83e6446af72bc0099458464f63c2e7b",
    ("tech", "221.txt"): "ed0712af7c8d1a6b4e2aaf95e5f4e1520198c9899e52efae8c8c0d4d3d61876e",
    ("tech", "359.txt"): "534ab47ecd96fd05ff78528526b1107da4971ac310fe9c8de7e99b3567277c37",
}

# set 20 (eval/dev/bbc20.gold.jsonl), fixed before reading like sets 1 to 19
RULES_20 = {"business": (101, 137, 4), "tech": (39, 139, 4)}    # start index, step, picks
SKIPPED_20 = {}

CHOSEN_20 = {  # (category, file): sha256 of the source file
    ("business", "102.txt"): "662124ebe5968dfe2c05b07f42fc86c86abd69ae0ea4cd60798354fbca931884",
    ("business", "240.txt"): "cdd448b8fd7d21e1fb525d0d5819475cc761c4b3e286e8a38d46e8ede321e43b",
    ("business", "376.txt"): "d2d722b68237ac9c0b41aec026e3dcbe06abfd3a1e43a40eda6696a3e7853a0c",
    ("tech", "040.txt"): "344f85c84c6ceff7d3f89164e1ff764ba833c617ae0dbbc4d2f4070e589a7bc9",
    ("tech", "179.txt"): "e58c1b80c7c04b276bc62c3404845183904d1185f9259b4ed959bfad2087fa41",
    ("tech", "319.txt"): "e93e063a81ce4a4cedb778d067cbdd0cd7dec21b4ee05ae4cc41fd70fc96faaa",
}

# set 21 (eval/dev/bbc21.gold.jsonl), fixed before reading like sets 1 to 20
RULES_21 = {"business": (19, 139, 4), "tech": (67, 149, 4)}    # start index, step, picks
SKIPPED_21 = {("business", "159.txt"): "no company named (India's anti-poverty budget: the finance "
                                       "minister, political parties and an official economic survey)"}

CHOSEN_21 = {  # (category, file): sha256 of the source file
    ("business", "020.txt"): "c7a69abffd48f3f148ba603d9a95fff53a775eb3e42bda5d24d9eb4785c36d1b",
    ("business", "160.txt"): "74c4b9ce509c1d2f7515027e377ced7c1eaeb7df11869829d036c3f42f5badc4",
    ("business", "299.txt"): "cfba18b060dd67996ac6666719dd5ac560e1fde5c0e879d8b2aae70d30950553",
    ("business", "437.txt"): "adcc0d6203b6a3e15fc8cfdca75cc9a02b696052ceef44574033b211eef95884",
    ("tech", "068.txt"): "3ed8ade12097c8b1ea457328dadb3b82b2ed9f7d690a1d3cf2af7e97e57a490e",
    ("tech", "218.txt"): "c274960653448fd74d65875c720d66135a92359dbe03b9d85de35f6ebc3eb409",
    ("tech", "366.txt"): "42f38a8757ecf967c508d651d922f0ab844b4446ec278ab0127ba25c10687be1",
}

# set 22 (eval/dev/bbc22.gold.jsonl), fixed before reading like sets 1 to 21
RULES_22 = {"business": (113, 149, 4), "tech": (23, 151, 4)}    # start index, step, picks
SKIPPED_22 = {("business", "412.txt"): "no company named (Iran's budget and state sell-offs: the "
                                       "president, the parliament and unnamed Turkish companies)",
             ("business", "413.txt"): "no company named (the EU's deficit action against France and "
                                      "Germany: EU bodies, a party, politicians)"}

CHOSEN_22 = {  # (category, file): sha256 of the source file
    ("business", "114.txt"): "0e48681532da454f6a81c35577794ad8d1851a881656accdd8157bfa5479f62b",
    ("business", "263.txt"): "575c7b6c6a03cfbc597bdce7c4f657db638ee484a4a2ba8133b207f9e7001e82",
    ("business", "415.txt"): "73ae1cccb586bfde74de881c672f2f01778f42065f942d2dadd2eb1ffd010e46",
    ("tech", "024.txt"): "a7125169c119829634ef02f25edb3592a1b593bdf95046d1ab67e9238919aa5d",
    ("tech", "175.txt"): "c64327b603400374ffe78733bf63d734b12badee19e488f86f7bc3ad38e820cf",
    ("tech", "326.txt"): "f58c2d85ae4ba98409a8a0f86cf734992342303e9f9459b2e41335e0086e89fd",
}

# --set name -> (rules, skipped picks, fixed selection, files of earlier sets that are skipped)
SETS = {}
_earlier: dict = {}
for _name, _rules, _skipped, _chosen in [("1", RULES_1, SKIPPED_1, CHOSEN_1), ("2", RULES_2, SKIPPED_2, CHOSEN_2),
                                         ("3", RULES_3, SKIPPED_3, CHOSEN_3), ("4", RULES_4, SKIPPED_4, CHOSEN_4),
                                         ("5", RULES_5, SKIPPED_5, CHOSEN_5), ("6", RULES_6, SKIPPED_6, CHOSEN_6),
                                         ("7", RULES_7, SKIPPED_7, CHOSEN_7), ("8", RULES_8, SKIPPED_8, CHOSEN_8),
                                         ("9", RULES_9, SKIPPED_9, CHOSEN_9), ("10", RULES_10, SKIPPED_10, CHOSEN_10),
                                         ("11", RULES_11, SKIPPED_11, CHOSEN_11), ("12", RULES_12, SKIPPED_12, CHOSEN_12),
                                         ("13", RULES_13, SKIPPED_13, CHOSEN_13), ("14", RULES_14, SKIPPED_14, CHOSEN_14),
                                         ("15", RULES_15, SKIPPED_15, CHOSEN_15), ("16", RULES_16, SKIPPED_16, CHOSEN_16),
                                         ("17", RULES_17, SKIPPED_17, CHOSEN_17), ("18", RULES_18, SKIPPED_18, CHOSEN_18),
                                         ("19", RULES_19, SKIPPED_19, CHOSEN_19), ("20", RULES_20, SKIPPED_20, CHOSEN_20),
                                         ("21", RULES_21, SKIPPED_21, CHOSEN_21), ("22", RULES_22, SKIPPED_22, CHOSEN_22)]:
    SETS[_name] = (_rules, _skipped, _chosen, dict(_earlier))
    _earlier.update(_chosen)


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def select(source, rules, skipped, exclude=None):
    """Picks by the rules; a pick is replaced by the next file in sorted order while it is in
    `skipped` (names no company), is itself an article of an earlier set (`exclude`, a dict
    (category, file) -> sha256), or has the same content as one of them."""
    exclude = exclude or {}
    digests = set(exclude.values())
    picks = []
    for category, (start, step, count) in rules.items():
        names = sorted(n for n in os.listdir(source / category) if n.endswith(".txt"))
        for index in range(start, len(names), step)[:count]:
            while ((category, names[index]) in skipped or (category, names[index]) in exclude
                   or sha256(source / category / names[index]) in digests):
                index += 1
            picks.append((category, names[index]))
    return picks


def doc_name(category, name):
    return f"bbc-{category}-{name}"


def main(argv):
    argv = list(argv)
    set_name = "1"
    if "--set" in argv:
        at = argv.index("--set")
        if at + 1 >= len(argv) or argv[at + 1] not in (*SETS, "all"):
            sys.exit(f"--set takes one of: {', '.join([*SETS, 'all'])}")
        set_name = argv[at + 1]
        del argv[at:at + 2]
    args = [a for a in argv if not a.startswith("--")]
    source = Path(os.environ.get("KG_BBC_DIR", DEFAULT_SOURCE))
    if "--source" in argv:
        source = Path(argv[argv.index("--source") + 1])
        args.remove(str(argv[argv.index("--source") + 1]))
    if not source.is_dir():
        sys.exit(f"BBC corpus not found at {source} (use --source or KG_BBC_DIR)")
    chosen = {}
    for name in (SETS if set_name == "all" else [set_name]):
        rules, skipped, fixed, exclude = SETS[name]
        picks = select(source, rules, skipped, exclude)
        if picks != list(fixed):
            sys.exit(f"set {name}: selection {picks} differs from the fixed list {list(fixed)}: "
                     "corpus changed?")
        chosen.update(fixed)
    if "--list" in argv:
        for category, name in chosen:
            print(f"{category}/{name} -> {doc_name(category, name)}")
        return 0
    if len(args) != 1:
        sys.exit(__doc__)
    dest = Path(args[0]).resolve()
    if dest == REPO or REPO in dest.parents:
        sys.exit(f"{dest} is inside the repository; the BBC text must not be copied there")
    dest.mkdir(parents=True, exist_ok=True)
    for (category, name), digest in chosen.items():
        src = source / category / name
        if sha256(src) != digest:
            sys.exit(f"{src}: content differs from the annotated version")
        shutil.copyfile(src, dest / doc_name(category, name))
    print(f"copied {len(chosen)} articles to {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
