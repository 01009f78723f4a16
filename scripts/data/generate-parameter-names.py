#!/usr/bin/env python3
"""Regenerates src/Stack/Validation/parameter-names.json, the parameter names pre-flight accepts per parameter group
family (issue 14). Not run by CI: it downloads Debian packages and reads archived AWS documentation, and its output
is checked in. Run it from the repository root with network access to deb.debian.org and the two doc mirrors:

  python3 scripts/data/generate-parameter-names.py AURORA_DOC RDS_DOC REDIS_DOC REDIS_BASE_DOC

where the four arguments are files taken from the archived AWS documentation repositories (git history, before
their content was deleted in June 2023):
  AURORA_DOC      awsdocs/amazon-aurora-user-guide  3b409f4^ doc_source/AuroraPostgreSQL.Reference.ParameterGroups.md
  RDS_DOC         awsdocs/amazon-rds-user-guide     2dd4d78^ doc_source/Appendix.PostgreSQL.CommonDBATasks.Parameters.md
  REDIS_DOC       awsdocs/amazon-elasticache-docs   efa2ad4^ doc_source/redis/ParameterGroups.Redis.md
  REDIS_BASE_DOC  awsdocs/amazon-elasticache-docs   959c885  doc_source/ParameterGroups.Redis.md (the 2.6.13 table)

PostgreSQL's own settings come from each major's postgresql.conf.sample in the Debian packages postgresql-13
(bullseye), -15 (bookworm), -17 (trixie) and -18 (sid); open-source Redis's settings from running redis-server 7.0 of Debian
bookworm on a Unix socket.
"""
import io
import json
import lzma
import re
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request

DEBIAN = "http://deb.debian.org/debian"
SUITES = {"13": "bullseye", "15": "bookworm", "17": "trixie", "18": "sid"}


def debian_sample(major: str) -> list[str]:
    packages = lzma.decompress(urllib.request.urlopen(f"{DEBIAN}/dists/{SUITES[major]}/main/binary-amd64/Packages.xz").read()).decode()
    stanza = re.search(rf"^Package: postgresql-{major}\n(?:.+\n)*?Filename: (\S+)", packages, re.M)
    deb = urllib.request.urlopen(f"{DEBIAN}/{stanza.group(1)}").read()
    with tempfile.TemporaryDirectory() as work:
        path = f"{work}/p.deb"
        open(path, "wb").write(deb)
        subprocess.run(["dpkg-deb", "-x", path, work], check=True)
        text = open(f"{work}/usr/share/postgresql/{major}/postgresql.conf.sample").read()
    names = {m.group(1) for m in re.finditer(r"^#?([A-Za-z_][A-Za-z0-9_.]*) = ", text, re.M)}
    return sorted(names - {"include", "include_dir", "include_if_exists"}, key=str.lower)


def debian_package(suite: str, package: str, work: str) -> None:
    packages = lzma.decompress(urllib.request.urlopen(f"{DEBIAN}/dists/{suite}/main/binary-amd64/Packages.xz").read()).decode()
    stanza = re.search(rf"^Package: {re.escape(package)}\n(?:.+\n)*?Filename: (\S+)", packages, re.M)
    path = f"{work}/{package}.deb"
    open(path, "wb").write(urllib.request.urlopen(f"{DEBIAN}/{stanza.group(1)}").read())
    subprocess.run(["dpkg-deb", "-x", path, work], check=True)


def redis_oss_settings() -> list[str]:
    """CONFIG GET * of the open-source Redis 7.0 server in Debian bookworm (redis-tools), run on a Unix socket."""
    with tempfile.TemporaryDirectory() as work:
        for package in ("redis-tools", "liblzf1", "libjemalloc2"):
            debian_package("bookworm", package, work)
        env = {"LD_LIBRARY_PATH": f"{work}/usr/lib/x86_64-linux-gnu"}
        socket = f"{work}/redis.sock"
        server = subprocess.Popen(["redis-server", "--port", "0", "--unixsocket", socket, "--save", "",
                                   "--appendonly", "no"], executable=f"{work}/usr/bin/redis-check-rdb", env=env,
                                  stdout=subprocess.DEVNULL)
        try:
            for _ in range(50):
                reply = subprocess.run([f"{work}/usr/bin/redis-cli", "-s", socket, "config", "get", "*"], env=env,
                                       capture_output=True, text=True)
                if reply.returncode == 0 and reply.stdout.strip():
                    return sorted(reply.stdout.splitlines()[0::2])
                time.sleep(0.1)
            raise RuntimeError("redis-server did not answer")
        finally:
            server.terminate()


def table_names(markdown: str, start: str | None = None, stop: str | None = None) -> list[str]:
    if start:
        markdown = markdown[markdown.index(start):]
    if stop and stop in markdown:
        markdown = markdown[:markdown.index(stop)]
    names = []
    for line in markdown.splitlines():
        if not line.startswith("|"):
            continue
        cell = line.split("|")[1].replace("\\", "").replace("`", "").replace("*", "").strip()
        cell = re.sub(r"\s*\(added in [0-9.]+\)", "", cell)
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.\-]*", cell) and cell not in ("Name", "NodeType"):
            names.append(cell)
    return names


def section(markdown: str, heading: str) -> str:
    start = markdown.index(heading)
    following = markdown.find("\n## ", start + 1)
    return markdown[start:following if following > 0 else len(markdown)]


def redis_families(doc: str, base_doc: str) -> tuple[dict, dict]:
    base = table_names(base_doc, "Redis 2\\.6\\.13 parameters", "## Redis Node\\-Type Specific")
    base = [n for n in base if not n.startswith("cache.")]
    families = {"redis2.6": sorted(base)}
    current = set(base)
    current |= set(table_names(section(doc, "## Redis 2\\.8\\.6 added")))
    current |= set(table_names(section(doc, "## Redis 2\\.8\\.23")))
    families["redis2.8"] = sorted(current)
    current |= set(table_names(section(doc, "### New parameters for Redis 3\\.2\\.4")))
    current -= {"list-max-ziplist-entries", "list-max-ziplist-value"}  # "Parameter is no longer available" in 3.2.4
    families["redis3.2"] = sorted(current)
    current |= set(table_names(section(doc, "## Redis 4\\.0\\.10"), "Parameters added"))
    families["redis4.0"] = sorted(current)
    five = section(doc, "## Redis 5\\.0\\.0")
    renamed = {}
    for line in five[five.index("Parameters renamed"):five.index("Parameters removed")].splitlines():
        former = re.search(r"Former name: ([a-z\\\-]+)", line)
        if former and line.startswith("|"):
            new = line.split("|")[1].replace("\\", "").strip()
            renamed[former.group(1).replace("\\", "")] = new
    current |= set(table_names(five[:five.index("Parameters renamed")]))
    current |= set(table_names(section(doc, "## Redis 5\\.0\\.3")))
    current = (current - set(renamed)) | set(renamed.values())
    current -= set(table_names(five[five.index("Parameters removed"):]))
    families["redis5.0"] = sorted(current)
    six = section(doc, "## Redis 6\\.x")
    removed_at = six.index("Parameters removed")
    current |= set(table_names(six[:removed_at]))
    current -= set(table_names(six[removed_at:]))
    families["redis6.x"] = sorted(current)
    seven = section(doc, "## Redis 7 parameter changes")
    changed_at, removed_at = seven.index("Parameters changed"), seven.index("Parameters removed")
    current |= set(table_names(seven[:changed_at]))
    current -= set(table_names(seven[removed_at:]))
    families["redis7"] = sorted(current)
    return families, renamed


def main() -> None:
    aurora_doc, rds_doc, redis_doc, redis_base_doc = (open(p, encoding="utf-8").read() for p in sys.argv[1:5])
    cluster = table_names(aurora_doc, "## Aurora PostgreSQL cluster", "## Aurora PostgreSQL instance")
    instance = table_names(aurora_doc, "## Aurora PostgreSQL instance")
    rds = table_names(rds_doc, "## RDS for PostgreSQL DB instance parameter list")
    aurora_only = re.compile(r"^(apg_|ansi_|aurora_)")
    redis, renamed = redis_families(redis_doc, redis_base_doc)
    data = {
        "description": "Parameter names pre-flight accepts in spec.database.parameters and spec.cache.parameters, per "
                       "parameter group family (issue 14). Generated by scripts/data/generate-parameter-names.py; "
                       "the data ages, so a name with an AWS-owned or extension prefix that is missing here is a "
                       "warning, any other unknown name an error (AWS answers 'InvalidParameterValue: Could not find "
                       "parameter with name: ...', terraform-provider-aws#522).",
        "sources": [
            "PostgreSQL settings: postgresql.conf.sample of Debian postgresql-13 13.16 (bullseye), postgresql-15 15.20 "
            "(bookworm), postgresql-17 17.12 (trixie), postgresql-18 18.6 (sid); a major without a package (14, 16) "
            "accepts the union of its neighbours",
            "Aurora PostgreSQL: 'Amazon Aurora PostgreSQL parameters' (AuroraPostgreSQL.Reference.ParameterGroups), "
            "cluster-level and instance-level tables of default.aurora-postgresql14, awsdocs/amazon-aurora-user-guide",
            "RDS for PostgreSQL: 'RDS for PostgreSQL DB instance parameter list' "
            "(Appendix.PostgreSQL.CommonDBATasks.Parameters), awsdocs/amazon-rds-user-guide",
            "ElastiCache Redis: 'Redis-specific parameters' (ParameterGroups.Redis), families redis2.6 to redis7 "
            "accumulated from the added, renamed and removed tables, awsdocs/amazon-elasticache-docs",
            "Open-source Redis settings (oss): CONFIG GET * of redis-server 7.0.15 (Debian bookworm redis-tools); a "
            "name Redis has but the ElastiCache family data lacks is a warning, not an error",
        ],
        "postgres": {
            "core": {major: debian_sample(major) for major in SUITES},
            "aurora": sorted(set(cluster) | set(instance), key=str.lower),
            "rds": sorted({n for n in rds + cluster + instance if not aurora_only.match(n)}, key=str.lower),
            "warnPrefixes": sorted({n.split(".")[0] + "." for n in rds + cluster + instance if "." in n} | {"rds.", "apg_", "aurora_"}),
        },
        "redis": {"families": redis, "renamed": renamed, "oss": redis_oss_settings()},
    }
    json.dump(data, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
