"""Commands ``spark-extract`` (the Spark batch job) and ``load`` (Parquet tables into a store).

No logic here: they call ``signaal.spark.spark_extract`` and
``signaal.store.parquet_load.load_parquet``.
"""

from __future__ import annotations

import json

import click

from .hookspecs import hookimpl


def _commands(db_option):
    from .commands import parse_fields, read_options

    @click.command("spark-extract")
    @click.argument("inputs", nargs=-1, required=True)
    @click.argument("output")
    @click.option("--master", default="local[2]", show_default=True,
                  help="Spark master URL (local[N], spark://host:7077, yarn, ...)")
    @click.option("--partitions", type=click.IntRange(min=1),
                  help="Partitions of the input files (default: twice the parallelism)")
    @click.option("--overwrite", is_flag=True, help="Replace tables already in OUTPUT")
    @read_options
    def spark_extract(inputs, output, master, partitions, overwrite, date, lang, source, fields,
                      encoding):
        """Extract INPUTS (files, folders, globs, hdfs:// or s3a:// URIs) on Spark into
        Parquet tables under OUTPUT; bring them into a store with `signaal load`.

        Prints the number of rows per table as JSON.
        """
        from .spark import spark_extract as run

        counts = run(list(inputs), output, master=master, partitions=partitions,
                     overwrite=overwrite,
                     read_options={"date": date, "lang": lang, "source": source,
                                   "fields": parse_fields(fields), "encoding": encoding})
        click.echo(json.dumps(counts))

    @click.command("load")
    @click.argument("parquet_dir", type=click.Path(exists=True, file_okay=False))
    @db_option
    @click.pass_context
    def load(ctx, parquet_dir, db):
        """Bring Parquet tables (from spark-extract or export --format parquet) into the store.

        Duplicates are found as in `signaal ingest`; prints the same summary on stderr and
        exits 0, 1 or 3 like it.
        """
        from .store import Store
        from .store.parquet_load import load_parquet

        with Store(db) as store:
            report = load_parquet(store, parquet_dir)
        click.echo(report.summary(), err=True)
        ctx.exit(report.exit_code())

    return [spark_extract, load]


@hookimpl
def register_commands(cli):
    from .cli import db_option  # imported here: signaal.cli imports the plugins

    for command in _commands(db_option):
        cli.add_command(command)
