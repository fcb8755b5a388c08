# syntax=docker/dockerfile:1
# Multi-stage: build a virtualenv with the pinned dependencies, then copy it into a slim,
# non-root runtime image. The container migrates the database named by DATABASE_URL, then serves.

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml constraints.txt ./
COPY app ./app
RUN pip install -c constraints.txt .

FROM python:3.11-slim AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DATABASE_URL=sqlite:////data/chronicle.db
RUN useradd --system --uid 10001 --home-dir /srv chronicle \
    && mkdir -p /data && chown chronicle /data
COPY --from=build /opt/venv /opt/venv
WORKDIR /srv
COPY --chown=chronicle alembic.ini ./
COPY --chown=chronicle migrations ./migrations
COPY --chown=chronicle app ./app
USER chronicle
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["sh", "-c", "alembic upgrade head && exec uvicorn app.main:app --host 0.0.0.0 --port 8000 --workers ${WEB_CONCURRENCY:-2}"]
