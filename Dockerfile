# syntax=docker/dockerfile:1
# summit-bot in a container: built in one stage, run in a minimal one as an
# unprivileged user, with the database on the volume /data. See README
# "Deployment".
#
#   docker build -t summit-bot .
#   docker run -d --name summit-bot -e DISCORD_TOKEN -v summit-bot-data:/data summit-bot

# The Rust of rust-version in Cargo.toml (.ci/msrv keeps that right).
FROM rust:1.88-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked --bin summit-bot \
    && cp target/release/summit-bot /usr/local/bin/summit-bot \
    && mkdir /data

# glibc and libgcc only; no shell, no package manager. The TLS roots are
# built into the binary (webpki-roots).
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /usr/local/bin/summit-bot /usr/local/bin/summit-bot
# A new named volume takes this folder's owner: the nonroot user (65532).
COPY --from=build --chown=65532:65532 /data /data
USER 65532:65532
WORKDIR /data
ENV SUMMIT_BOT_DATABASE=/data/summit-bot.db
VOLUME ["/data"]
# SIGTERM (docker stop) closes the gateway connection normally and exits 0
# within a few seconds, inside docker's 10 s before SIGKILL.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/summit-bot"]
CMD ["run"]
