"""HTML pages of the symptom check: start, one question at a time, result, saved result."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from carenote.service.api import library
from carenote.service.deps import ClientHashDep, EngineDep, SessionDep, SettingsDep
from carenote.service.web import csrf
from carenote.service.web.check_flow import (
    ACTIONS,
    DetailsPage,
    QuestionPage,
    ResultPage,
    advance,
)
from carenote.service.web.check_form import (
    Answer,
    CheckState,
    LabRow,
    finding_names,
    normalise_loinc,
    state_from_form,
)
from carenote.service.web.templating import render

router = APIRouter(include_in_schema=False)
_FINDING = r"^(HP:\d{7}|carenote:[a-z0-9_]+)$"


@router.get("/check", response_class=HTMLResponse)
def check_start(
    request: Request,
    lab: Annotated[str | None, Query(max_length=30, description="LOINC code to pre-fill")] = None,
    value: Annotated[str, Query(max_length=30)] = "",
    unit: Annotated[str, Query(max_length=30)] = "",
    finding: Annotated[str | None, Query(pattern=_FINDING, description="Finding")] = None,
) -> Response:
    """Start a check, blank or pre-filled from an article or a lab report."""
    code = normalise_loinc(lab) if lab else None
    labs = (LabRow(code=code, value=value, unit=unit),) if code else ()
    answers = (Answer(id=finding, choice="present", step=0),) if finding else ()
    state = CheckState(labs=labs, answers=answers)
    names = finding_names(request.app.state.engine, [a.id for a in answers])
    return render(request, "check_start.html", {"state": state, "errors": {}, "names": names})


@router.post("/check", response_class=HTMLResponse)
async def check_step(
    request: Request, engine: EngineDep, settings: SettingsDep, session: SessionDep,
    client: ClientHashDep,
) -> Response:
    """Advance the check by one step; the whole state travels in the form."""
    form = await request.form()
    fields = {key: [v for v in form.getlist(key) if isinstance(v, str)] for key in form}
    csrf.verify(request, (fields.get("csrf_token") or [""])[0],
                settings.secret_key.get_secret_value())
    action = (fields.get("action") or ["start"])[0]
    page = advance(engine=engine, state=state_from_form(fields),
                   action=action if action in ACTIONS else "start", form=fields,
                   max_questions=settings.max_questions)
    if isinstance(page, DetailsPage):
        code = status.HTTP_422_UNPROCESSABLE_CONTENT if page.errors else status.HTTP_200_OK
        names = finding_names(engine, [a.id for a in page.state.answers])
        return render(request, "check_start.html", {
            "state": page.state, "errors": page.errors, "names": names}, status_code=code)
    if isinstance(page, QuestionPage):
        return render(request, "check_question.html", {
            "state": page.state, "step": page.step, "number": page.number})
    assert isinstance(page, ResultPage)
    if action == "save":
        token = library.save_result(session=session, result=page.result, client_hash=client,
                                    limit=settings.save_rate_limit)
        return RedirectResponse(f"/check/saved/{token}", status_code=status.HTTP_303_SEE_OTHER)
    return render(request, "check_result.html", {"state": page.state, "result": page.result,
                                                 "saved_url": None})


@router.get("/check/saved/{token}", response_class=HTMLResponse)
def saved_check(request: Request, token: str, session: SessionDep) -> Response:
    """Show a check result that its owner chose to save."""
    result = library.load_result(session=session, token=token)
    return render(request, "check_result.html", {
        "state": None, "result": result, "saved_url": str(request.url)})
