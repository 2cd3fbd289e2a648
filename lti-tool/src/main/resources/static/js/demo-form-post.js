// The demo LMS answers the authorization request with a form POST of the id_token (response_mode=form_post).
document.getElementById('form-post').submit();
