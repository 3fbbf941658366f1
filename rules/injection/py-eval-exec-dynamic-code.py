import ast
import json


def run(response, request):
    # ruleid: py-eval-exec-dynamic-code
    value = eval(response.choices[0].message.content)

    # ruleid: py-eval-exec-dynamic-code
    exec(request.form["code"], {})

    # ok: py-eval-exec-dynamic-code
    data = json.loads(response.choices[0].message.content)

    # ok: py-eval-exec-dynamic-code
    literal = ast.literal_eval(request.form["numbers"])

    # ok: py-eval-exec-dynamic-code
    total = eval("1 + 2")

    return value, data, literal, total
